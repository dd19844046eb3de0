package org.shardledger.node.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;

/** The chain follower's gauges, the same in every role that follows the chain. */
final class Follower {
  private Follower() {}

  static void bind(MeterRegistry registry, LongSupplier head, LongSupplier lag) {
    Gauge.builder("shardledger.chain.head.block", () -> head.getAsLong()).description("the chain head last seen")
        .strongReference(true).register(registry);
    Gauge.builder("shardledger.chain.follower.lag", () -> lag.getAsLong()).baseUnit("blocks")
        .description("blocks between the chain head and the confirmed state the role acts on (-1: not yet known)")
        .strongReference(true).register(registry);
  }
}
