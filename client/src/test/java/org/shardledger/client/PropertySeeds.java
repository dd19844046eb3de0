package org.shardledger.client;

import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for the client's property tests, as in the protocol module: each case derives all its inputs from one seed
 * (a failure names it); the count comes from {@code shardledger.property.tries} (100 by default, 3000 with -Pdeep).
 */
public final class PropertySeeds {
  private PropertySeeds() {}

  public static int tries() {
    return Integer.getInteger("shardledger.property.tries", 100);
  }

  public static Stream<Long> seeds() {
    return LongStream.range(0, tries()).map(i -> 0xC0DE_0000L + i * 0x9E3779B97F4A7C15L).boxed();
  }
}
