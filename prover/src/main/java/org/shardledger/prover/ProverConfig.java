package org.shardledger.prover;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.shardledger.prover.policy.AcceptancePolicy;
import org.shardledger.wire.server.PeerLimits;

/**
 * Everything an operator's node is told, with defaults ({@link #defaults}).
 *
 * @param capacityBytes space the shards and their tree caches may take
 * @param deletionGraceEpochs a shard is deleted this many epochs after its deal's last epoch
 * @param scrubBytesPerSecond how fast the scrubber re-reads shards (gentle: it competes with serving)
 * @param scrubPause rest between two scrub passes over all shards
 * @param janitorInterval how often ended deals are looked for
 * @param workThreads threads for disk and proof work (never the event loops)
 * @param policy which proposals the node accepts, published as its signed terms
 * @param limits what one peer address and all uploads together may take of the wire server
 */
public record ProverConfig(Path dataDir, String host, int port, long capacityBytes, int maxConcurrentUploads,
    long deletionGraceEpochs, long scrubBytesPerSecond, Duration scrubPause, Duration janitorInterval,
    Duration idleTimeout, int workThreads, AcceptancePolicy policy, PeerLimits limits) {

  public static final int DEFAULT_PORT = 7340;

  public ProverConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(scrubPause, "scrubPause");
    Objects.requireNonNull(janitorInterval, "janitorInterval");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(limits, "limits");
    if (port < 0 || port > 0xffff || capacityBytes < 0 || maxConcurrentUploads < 1 || deletionGraceEpochs < 0
        || scrubBytesPerSecond < 1 || workThreads < 1) {
      throw new IllegalArgumentException("port in [0, 65535], capacity ≥ 0, ≥ 1 upload, grace ≥ 0, scrub rate"
          + " ≥ 1, ≥ 1 work thread");
    }
  }

  /**
   * Listens on 127.0.0.1:7340; 8 concurrent uploads; shards kept 8 epochs past their deal; scrub at 16 MiB/s with
   * 6 h between passes; janitor every 10 min; connections idle for 2 min closed; max(2, cores) work threads;
   * {@link AcceptancePolicy#defaults} and {@link PeerLimits#defaults}.
   */
  public static ProverConfig defaults(Path dataDir, long capacityBytes) {
    return new ProverConfig(dataDir, "127.0.0.1", DEFAULT_PORT, capacityBytes, 8, 8, 16L << 20, Duration.ofHours(6),
        Duration.ofMinutes(10), Duration.ofMinutes(2), Math.max(2, Runtime.getRuntime().availableProcessors()),
        AcceptancePolicy.defaults(capacityBytes), PeerLimits.defaults());
  }

  public ProverConfig withPolicy(AcceptancePolicy p) {
    return new ProverConfig(dataDir, host, port, capacityBytes, maxConcurrentUploads, deletionGraceEpochs,
        scrubBytesPerSecond, scrubPause, janitorInterval, idleTimeout, workThreads, p, limits);
  }

  public ProverConfig withLimits(PeerLimits l) {
    return new ProverConfig(dataDir, host, port, capacityBytes, maxConcurrentUploads, deletionGraceEpochs,
        scrubBytesPerSecond, scrubPause, janitorInterval, idleTimeout, workThreads, policy, l);
  }

  public ProverConfig withListen(String host, int port) {
    return new ProverConfig(dataDir, host, port, capacityBytes, maxConcurrentUploads, deletionGraceEpochs,
        scrubBytesPerSecond, scrubPause, janitorInterval, idleTimeout, workThreads, policy, limits);
  }

  public ProverConfig withScrub(long bytesPerSecond, Duration pause) {
    return new ProverConfig(dataDir, host, port, capacityBytes, maxConcurrentUploads, deletionGraceEpochs,
        bytesPerSecond, pause, janitorInterval, idleTimeout, workThreads, policy, limits);
  }

  public ProverConfig withJanitor(long graceEpochs, Duration interval) {
    return new ProverConfig(dataDir, host, port, capacityBytes, maxConcurrentUploads, graceEpochs,
        scrubBytesPerSecond, scrubPause, interval, idleTimeout, workThreads, policy, limits);
  }

  public ProverConfig withMaxConcurrentUploads(int uploads) {
    return new ProverConfig(dataDir, host, port, capacityBytes, uploads, deletionGraceEpochs, scrubBytesPerSecond,
        scrubPause, janitorInterval, idleTimeout, workThreads, policy, limits);
  }
}
