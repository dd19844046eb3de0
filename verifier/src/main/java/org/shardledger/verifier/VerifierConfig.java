package org.shardledger.verifier;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.shardledger.verifier.audit.AuditSettings;
import org.shardledger.verifier.reputation.ReputationModel;

/**
 * A verifier's settings.
 *
 * @param confirmations blocks an event must be buried under before the verifier acts on it
 * @param rpcListen where its JSON-RPC answers (audit results, reputation, settlement signing); null for none
 */
public record VerifierConfig(Path dataDir, int confirmations, Duration pollInterval, AuditSettings audits,
    ReputationModel reputation, InetSocketAddress rpcListen, Duration publishInterval) {
  public static final int DEFAULT_PORT = 8650;
  public static final int DEFAULT_CONFIRMATIONS = 2;

  public VerifierConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(audits, "audits");
    Objects.requireNonNull(reputation, "reputation");
    Objects.requireNonNull(publishInterval, "publishInterval");
    if (confirmations < 0) {
      throw new IllegalArgumentException("confirmations must not be negative");
    }
  }

  /** 2 confirmations, polling every second, Storj-like reputation, RPC on 127.0.0.1:8650. */
  public static VerifierConfig defaults(Path dataDir) {
    return new VerifierConfig(dataDir, DEFAULT_CONFIRMATIONS, Duration.ofSeconds(1), AuditSettings.defaults(),
        ReputationModel.STORJ_LIKE, new InetSocketAddress("127.0.0.1", DEFAULT_PORT), Duration.ofSeconds(2));
  }

  public VerifierConfig withRpc(InetSocketAddress listen) {
    return new VerifierConfig(dataDir, confirmations, pollInterval, audits, reputation, listen, publishInterval);
  }

  public VerifierConfig withAudits(AuditSettings settings) {
    return new VerifierConfig(dataDir, confirmations, pollInterval, settings, reputation, rpcListen, publishInterval);
  }

  public VerifierConfig withConfirmations(int newConfirmations) {
    return new VerifierConfig(dataDir, newConfirmations, pollInterval, audits, reputation, rpcListen,
        publishInterval);
  }

  public VerifierConfig withTiming(int newConfirmations, Duration poll) {
    return new VerifierConfig(dataDir, newConfirmations, poll, audits, reputation, rpcListen, publishInterval);
  }
}
