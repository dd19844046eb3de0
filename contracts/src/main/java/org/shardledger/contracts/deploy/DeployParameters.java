package org.shardledger.contracts.deploy;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;

/**
 * What a deployment fixes: the epoch length, the dispute and unbonding windows, the economics, and the first
 * verifier set with its threshold. Amounts are credit base units (18 decimals).
 */
public record DeployParameters(long epochLength, long answerWindow, long settlementLagBlocks, long unbondingBlocks,
    BigInteger minStake, BigInteger disputeBond, BigInteger disputeSlash, BigInteger disputeReward,
    List<Address> verifiers, int threshold) {

  public static final BigInteger CREDIT = BigInteger.TEN.pow(18);

  public DeployParameters {
    Objects.requireNonNull(minStake, "minStake");
    verifiers = List.copyOf(verifiers);
    if (epochLength < 1) {
      throw new IllegalArgumentException("epoch length must be at least 1 block");
    }
    if (answerWindow < 1 || answerWindow > 255) {
      throw new IllegalArgumentException("the dispute answer window is 1 to 255 blocks");
    }
    if (unbondingBlocks <= answerWindow + 1 + settlementLagBlocks) {
      throw new IllegalArgumentException("unbonding must outlast the dispute window plus the settlement lag");
    }
    if (verifiers.isEmpty() || threshold < 1 || threshold > verifiers.size()) {
      throw new IllegalArgumentException("need 1 <= threshold <= " + verifiers.size() + " verifiers, got "
          + threshold);
    }
  }

  /** Defaults for a local network: epochs of {@code epochLength} blocks, 100-credit stakes, 10-credit bonds. */
  public static DeployParameters local(long epochLength, List<Address> verifiers, int threshold) {
    return new DeployParameters(epochLength, 64, 4 * epochLength, 64 + 1 + 4 * epochLength + 32,
        CREDIT.multiply(BigInteger.valueOf(100)), CREDIT.multiply(BigInteger.TEN),
        CREDIT.multiply(BigInteger.valueOf(50)), CREDIT.multiply(BigInteger.valueOf(20)), verifiers, threshold);
  }
}
