package org.shardledger.verifier.audit;

import java.time.Duration;

/**
 * How hard the verifier tries within an epoch before it calls an operator UNREACHABLE.
 *
 * @param concurrency audits in flight at once, across operators
 * @param attempts tries per deal per epoch; a signed answer (valid or not) ends them at once
 * @param retryPause wait between tries (doubled each time)
 * @param requestTimeout how long one try may take
 */
public record AuditSettings(int concurrency, int attempts, Duration retryPause, Duration requestTimeout) {
  public AuditSettings {
    if (concurrency < 1 || attempts < 1) {
      throw new IllegalArgumentException("concurrency and attempts must be at least 1");
    }
  }

  public static AuditSettings defaults() {
    return new AuditSettings(32, 3, Duration.ofSeconds(2), Duration.ofSeconds(30));
  }
}
