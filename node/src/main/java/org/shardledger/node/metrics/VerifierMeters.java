package org.shardledger.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.verifier.VerifierMetrics;
import org.shardledger.node.verifier.VerifierRole;

/** The verifier's meters: audits by outcome and reason, the operators' answer latency, reports. */
public final class VerifierMeters implements VerifierMetrics {
  private final MeterRegistry registry;
  private final Timer answers;
  private final Counter signed;

  public VerifierMeters(RoleMetrics metrics) {
    this.registry = metrics.registry();
    this.answers = Timer.builder("shardledger.verifier.proof.answer")
        .description("how long operators took to answer a challenge with a signed proof (PASS and FAIL audits)")
        .serviceLevelObjectives(Units.LATENCY_BUCKETS).register(registry);
    this.signed = Counter.builder("shardledger.verifier.reports.signed").description("epoch reports signed")
        .register(registry);
  }

  @Override
  public void audited(AuditOutcome outcome, String reason, long latencyMillis) {
    Counter.builder("shardledger.verifier.audits").description("deals audited, by outcome and reason")
        .tag("outcome", outcome.name()).tag("reason", reason.toLowerCase(Locale.ROOT)).register(registry)
        .increment();
    if (outcome != AuditOutcome.UNREACHABLE) {
      answers.record(Duration.ofMillis(latencyMillis));
    }
  }

  @Override
  public void reportSigned(long epoch) {
    signed.increment();
  }

  @Override
  public void reportDelivered(boolean ok) {
    Counter.builder("shardledger.verifier.reports.delivered").description("report deliveries to ledgers")
        .tag("result", ok ? "delivered" : "failed").register(registry).increment();
  }

  /** Registers the levels read from the running verifier. */
  public void bind(VerifierRole node) {
    Follower.bind(registry, node::chainHeadBlock, node::followerLagBlocks);
  }
}
