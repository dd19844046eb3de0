package org.shardledger.node.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/** Conversions the meters share: credit base units (18 decimals) to credits, and histogram buckets. */
final class Units {
  /** Bucket bounds of the proof-answer latency histograms: 1 ms to 10 s. */
  static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
      Duration.ofSeconds(10)};

  private Units() {}

  static double credits(BigInteger baseUnits) {
    return new BigDecimal(baseUnits, 18).doubleValue();
  }
}
