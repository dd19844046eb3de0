package org.shardledger.client;

import java.util.stream.Stream;

/**
 * The client's own seed sequence (from 0xC0DE_0000, so its cases stay what they were) on the testkit's
 * {@link org.shardledger.testkit.PropertySeeds}, which reads the number of cases.
 */
public final class PropertySeeds {
  private PropertySeeds() {}

  public static Stream<Long> seeds() {
    return org.shardledger.testkit.PropertySeeds.seeds(0xC0DE_0000L, org.shardledger.testkit.PropertySeeds.tries());
  }
}
