package org.shardledger.protocol;

import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for property tests: each case derives all its inputs from one seed, so a failure names the seed that
 * reproduces it. The number of cases comes from the system property {@code shardledger.property.tries} (the build
 * sets 100, the deep profile 3000); the seeds are fixed so runs are repeatable.
 */
public final class PropertySeeds {
  private PropertySeeds() {}

  public static int tries() {
    return Integer.getInteger("shardledger.property.tries", 100);
  }

  public static Stream<Long> seeds() {
    return seeds(tries());
  }

  public static Stream<Long> seeds(int count) {
    return LongStream.range(0, count).map(i -> 0x5eed_0000L + i * 0x9E3779B97F4A7C15L).boxed();
  }
}
