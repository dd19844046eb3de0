package org.shardledger.testkit;

import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for property tests (decision 0001): each case derives all its inputs from one seed, so a failure names the
 * seed that reproduces it. The number of cases is the system property {@code shardledger.property.tries} (the build
 * sets 100, the deep profile 3000), read here and nowhere else above {@code contracts} (decision 0110); the seeds
 * are fixed so runs are repeatable.
 */
public final class PropertySeeds {
  /** The base of the default seed sequence. */
  public static final long BASE = 0x5eed_0000L;

  private PropertySeeds() {}

  public static int tries() {
    return Integer.getInteger("shardledger.property.tries", 100);
  }

  /** {@code tries / divisor} cases, at least one: for properties whose every case is expensive (a database). */
  public static int tries(int divisor) {
    return Math.max(1, tries() / divisor);
  }

  public static Stream<Long> seeds() {
    return seeds(tries());
  }

  public static Stream<Long> seeds(int count) {
    return seeds(BASE, count);
  }

  /** {@code count} seeds from {@code base} (a module's own sequence, so its cases stay what they were). */
  public static Stream<Long> seeds(long base, int count) {
    return LongStream.range(0, count).map(i -> base + i * 0x9E3779B97F4A7C15L).boxed();
  }
}
