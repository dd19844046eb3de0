package org.shardledger.prover.registration;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the operator registers on chain: where clients reach it, its region, the capacity it offers (advisory) and
 * its stake in credit base units.
 */
public record Registration(String endpoint, String region, long capacityBytes, BigInteger stake) {
  /** The contract's MAX_INFO_LENGTH, in bytes, for the endpoint and the region alike. */
  public static final int MAX_INFO_BYTES = 256;

  public Registration {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(stake, "stake");
    requireInfo("endpoint", endpoint);
    requireInfo("region", region);
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    if (stake.signum() <= 0) {
      throw new IllegalArgumentException("the stake must be positive");
    }
  }

  /** Refuses an endpoint or region the contract would refuse: empty, or longer than {@value #MAX_INFO_BYTES} bytes. */
  public static String requireInfo(String what, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("the " + what + " must not be empty");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_INFO_BYTES) {
      throw new IllegalArgumentException("the " + what + " takes at most " + MAX_INFO_BYTES + " bytes");
    }
    return value;
  }

  /** Endpoint, region and capacity: the part an update can change. */
  public String describe() {
    return describe(endpoint, region, capacityBytes);
  }

  static String describe(String endpoint, String region, long capacity) {
    return endpoint + " in " + region + ", capacity " + capacity + " bytes";
  }
}
