package org.shardledger.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.shardledger.node.prover.ProverRole;
import org.shardledger.prover.ProverMetrics;
import org.shardledger.prover.ProverNode;
import org.shardledger.wire.server.WireTraffic;

/** The operator node's meters: challenges and disputes, proof latency, store usage, wire traffic. */
public final class ProverMeters implements ProverMetrics {
  private final MeterRegistry registry;
  private final Counter answered;
  private final Timer latency;
  private final Counter opened;
  private final Counter disputesAnswered;

  public ProverMeters(RoleMetrics metrics) {
    this.registry = metrics.registry();
    this.answered = Counter.builder("shardledger.prover.challenges.answered")
        .description("challenges answered with a signed proof").register(registry);
    this.latency = Timer.builder("shardledger.prover.proof.answer")
        .description("from a challenge's arrival to its signed proof").serviceLevelObjectives(Units.LATENCY_BUCKETS)
        .register(registry);
    this.opened = Counter.builder("shardledger.prover.disputes.opened").description("disputes opened against us")
        .register(registry);
    this.disputesAnswered = Counter.builder("shardledger.prover.disputes.answered")
        .description("disputes answered on chain").register(registry);
  }

  @Override
  public void challengeAnswered(Duration took) {
    answered.increment();
    latency.record(took);
  }

  @Override
  public void challengeRefused(String code) {
    Counter.builder("shardledger.prover.challenges.refused").description("challenges answered without a proof")
        .tag("code", code).register(registry).increment();
  }

  @Override
  public void disputeOpened() {
    opened.increment();
  }

  @Override
  public void disputeAnswered() {
    disputesAnswered.increment();
  }

  @Override
  public void disputeFallingBehind() {
    Counter.builder("shardledger.prover.disputes.fell.behind")
        .description("disputes that used half their window without a mined answer").register(registry).increment();
  }

  @Override
  public void disputeNotAnswered(String why) {
    Counter.builder("shardledger.prover.disputes.unanswered")
        .description("times a dispute could not be answered (yet)").tag("why", why).register(registry).increment();
  }

  /** Registers the levels read from the running role: its node and its dispute watch's chain follower. */
  public void bind(ProverRole role) {
    bind(role.node());
    Follower.bind(registry, role::chainHeadBlock, role::followerLagBlocks);
    Gauge.builder("shardledger.prover.disputes.behind", role,
        ProverRole::disputesFallingBehind)
        .description("disputes now past half their window without a mined answer (0 while the node keeps up)")
        .register(registry);
  }

  /** Registers the levels read from the running node. */
  public void bind(ProverNode node) {
    Gauge.builder("shardledger.prover.store.used", node, n -> n.store() == null ? 0 : n.store().usedBytes())
        .baseUnit("bytes").description("bytes of shards stored").register(registry);
    Gauge.builder("shardledger.prover.store.capacity", node, n -> n.store() == null ? 0 : n.store().capacityBytes())
        .baseUnit("bytes").description("the store's capacity").register(registry);
    Gauge.builder("shardledger.prover.store.shards", node, n -> n.store() == null ? 0 : n.store().shards().size())
        .description("shards stored").register(registry);
    Gauge.builder("shardledger.wire.connections", node, traffic(WireTraffic::openConnections))
        .description("wire connections open").register(registry);
    FunctionCounter.builder("shardledger.wire.connections.accepted", node,
        traffic(WireTraffic::acceptedConnections)).description("wire connections accepted").register(registry);
    FunctionCounter.builder("shardledger.wire.received", node, traffic(WireTraffic::bytesRead)).baseUnit("bytes")
        .description("bytes received on wire connections").register(registry);
    FunctionCounter.builder("shardledger.wire.sent", node, traffic(WireTraffic::bytesWritten)).baseUnit("bytes")
        .description("bytes sent on wire connections (shards and proofs)").register(registry);
  }

  private static ToDoubleFunction<ProverNode> traffic(ToDoubleFunction<WireTraffic> read) {
    return n -> n.wireTraffic().map(read::applyAsDouble).orElse(0.0);
  }
}
