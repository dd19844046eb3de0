package org.shardledger.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.shardledger.ledger.LedgerMetrics;
import org.shardledger.node.ledger.LedgerRole;

/** The ledger's meters: its events (as {@link LedgerMetrics}) and its levels, read from the node when scraped. */
public final class LedgerMeters implements LedgerMetrics {
  private final MeterRegistry registry;
  private final Counter settlements;

  public LedgerMeters(RoleMetrics metrics) {
    this.registry = metrics.registry();
    this.settlements = Counter.builder("shardledger.ledger.settlements")
        .description("settlement transactions confirmed on chain by this ledger").register(registry);
  }

  @Override
  public void reportAccepted() {
    reports("accepted", "none").increment();
  }

  @Override
  public void reportRejected(String reason) {
    reports("rejected", reason).increment();
  }

  private Counter reports(String result, String reason) {
    return Counter.builder("shardledger.ledger.reports").description("verifiers' audit reports received")
        .tag("result", result).tag("reason", reason).register(registry);
  }

  @Override
  public void settled(long fromEpoch, long epoch) {
    settlements.increment();
  }

  @Override
  public void signatureMissing(String why) {
    Counter.builder("shardledger.ledger.signatures.missing")
        .description("verifiers that did not sign when asked (refused, not ready, unreachable)").tag("why", why)
        .register(registry).increment();
  }

  /** Registers the levels read from the running ledger. */
  public void bind(LedgerRole node) {
    var view = node.confirmedView();
    FunctionCounter.builder("shardledger.ledger.epochs.settled", view,
        v -> v.epoch().isPresent() ? v.epoch().getAsLong() + 1 : 0)
        .description("epochs settled since genesis (the latest settled epoch + 1; gaps are covered by the next)")
        .register(registry);
    Gauge.builder("shardledger.ledger.last.settled.epoch", view,
        v -> v.epoch().isPresent() ? v.epoch().getAsLong() : -1).description("the latest settled epoch (-1: none)")
        .register(registry);
    Gauge.builder("shardledger.ledger.settlement.lag", node, n -> {
      long current = n.deployment().epochOf(n.headBlock());
      long next = n.confirmedView().epoch().isPresent() ? n.confirmedView().epoch().getAsLong() + 1 : 0;
      return Math.max(0, current - next);
    }).baseUnit("epochs").description("ended epochs not settled yet").register(registry);
    FunctionCounter.builder("shardledger.ledger.paid", view, v -> Units.credits(v.totals().credited()))
        .baseUnit("credits").description("credits paid to accounts by settlements (the latest payout tree's total)")
        .register(registry);
    FunctionCounter.builder("shardledger.ledger.claimed", view, v -> Units.credits(v.totals().claimed()))
        .baseUnit("credits").description("credits claimed on chain (confirmed Claimed events)").register(registry);
    Gauge.builder("shardledger.ledger.claimable", view, v -> Units.credits(v.totals().claimable()))
        .baseUnit("credits").description("credits paid and not claimed yet").register(registry);
    Follower.bind(registry, node::headBlock, node::followerLagBlocks);
  }
}
