package org.shardledger.protocol.settlement;

import java.math.BigInteger;

/**
 * The economic parameters of the settlement rules. Every verifier must use the same values, or their roots differ.
 *
 * @param graceEpochs UNREACHABLE epochs in a row after which a deal's epoch turns FAIL (default 3; 1 means at once)
 * @param maxFails failed epochs after which a deal ends and its remaining escrow returns to the owner (default 2)
 * @param slashMultiplier a failed epoch slashes this many times the epoch's price from the operator's stake, capped
 *     by the stake (default 10; 0 disables slashing)
 */
public record SettlementConfig(int graceEpochs, int maxFails, long slashMultiplier) {
  public static final SettlementConfig DEFAULT = new SettlementConfig(3, 2, 10);

  public SettlementConfig {
    if (graceEpochs < 1) {
      throw new IllegalArgumentException("graceEpochs must be at least 1, got " + graceEpochs);
    }
    if (maxFails < 1) {
      throw new IllegalArgumentException("maxFails must be at least 1, got " + maxFails);
    }
    if (slashMultiplier < 0) {
      throw new IllegalArgumentException("slashMultiplier must not be negative, got " + slashMultiplier);
    }
  }

  /** What a failed epoch of a deal at {@code pricePerEpoch} slashes, before the cap by the stake. */
  public BigInteger slashFor(BigInteger pricePerEpoch) {
    return pricePerEpoch.multiply(BigInteger.valueOf(slashMultiplier));
  }
}
