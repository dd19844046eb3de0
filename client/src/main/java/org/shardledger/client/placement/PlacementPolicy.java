package org.shardledger.client.placement;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Set;

/**
 * What the owner asks of a part's placement: k + m shards on distinct operators in the allowed regions (empty: any),
 * at most {@code maxPricePerGiBEpoch}, for epochs [{@code firstEpoch}, {@code lastEpoch}] proposed in epoch
 * {@code now}, sampled {@code samples} times an epoch.
 */
public record PlacementPolicy(int data, int parity, Set<String> regions, BigInteger maxPricePerGiBEpoch,
    long firstEpoch, long lastEpoch, int samples, long now) {
  public PlacementPolicy {
    if (data < 1 || parity < 1 || data + parity > 256) {
      throw new IllegalArgumentException("need k >= 1, m >= 1 and k + m <= 256, got " + data + " + " + parity);
    }
    regions = Set.copyOf(Objects.requireNonNull(regions, "regions"));
    Objects.requireNonNull(maxPricePerGiBEpoch, "maxPricePerGiBEpoch");
    if (maxPricePerGiBEpoch.signum() < 0 || firstEpoch < 0 || lastEpoch < firstEpoch || samples < 1) {
      throw new IllegalArgumentException("price, epochs or samples out of range");
    }
  }

  public int shards() {
    return data + parity;
  }

  /**
   * The most shards of a part one region may hold so that losing the region never loses the part: m, which needs
   * at least ⌈(k + m) / m⌉ regions.
   */
  public int safeRegionCap() {
    return parity;
  }

  public boolean allows(String region) {
    return regions.isEmpty() || regions.contains(region);
  }
}
