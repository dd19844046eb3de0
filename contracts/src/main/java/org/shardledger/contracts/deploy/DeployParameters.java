package org.shardledger.contracts.deploy;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.settlement.Credits;

/**
 * What a deployment fixes: the epoch length, the dispute and unbonding windows, the bounds on deals and
 * registrations, the economics, and the first verifier set with its threshold. Amounts are credit base units (18
 * decimals).
 *
 * @param maxDealEpochs longest deal in epochs, counted from the epoch of its proposal
 * @param maxShardSize largest shard in bytes
 * @param maxCapacity largest capacity an operator may advertise, in bytes
 */
public record DeployParameters(long epochLength, long answerWindow, long settlementLagBlocks, long unbondingBlocks,
    long maxDealEpochs, long maxShardSize, long maxCapacity, BigInteger minStake, BigInteger disputeBond,
    BigInteger disputeSlash, BigInteger disputeReward, List<Address> verifiers, int threshold) {

  /** Base units in one credit (the protocol's {@link Credits#BASE_UNITS_PER_CREDIT}). */
  public static final BigInteger CREDIT = Credits.BASE_UNITS_PER_CREDIT;
  /** No bound may exceed 2^62, so every bounded quantity fits a Java long with room (the contract checks it too). */
  public static final long MAX_BOUND = 1L << 62;
  /** Default longest deal: 2^20 epochs (about 120 years of hour-long epochs). */
  public static final long DEFAULT_MAX_DEAL_EPOCHS = 1L << 20;
  /** Default largest shard: 1 TiB. */
  public static final long DEFAULT_MAX_SHARD_SIZE = 1L << 40;
  /** Default largest capacity: 64 PiB. */
  public static final long DEFAULT_MAX_CAPACITY = 1L << 56;
  /** Default epoch length of {@code shardledger deploy}, in blocks. */
  public static final long DEFAULT_EPOCH_LENGTH = 20;
  /** Default blocks an operator has to answer a dispute. */
  public static final long DEFAULT_ANSWER_WINDOW = 64;
  /** Default least stake, in whole credits. */
  public static final long DEFAULT_MIN_STAKE_CREDITS = 100;
  /** Default dispute bond, in whole credits. */
  public static final long DEFAULT_DISPUTE_BOND_CREDITS = 10;
  /** Default stake an unanswered dispute takes, in whole credits. */
  public static final long DEFAULT_DISPUTE_SLASH_CREDITS = 50;
  /** Default part of the slash the disputer earns, in whole credits. */
  public static final long DEFAULT_DISPUTE_REWARD_CREDITS = 0;

  public DeployParameters {
    Objects.requireNonNull(minStake, "minStake");
    Objects.requireNonNull(disputeReward, "disputeReward");
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
    for (long bound : new long[] {maxDealEpochs, maxShardSize, maxCapacity}) {
      if (bound < 1 || bound > MAX_BOUND) {
        throw new IllegalArgumentException("deal, shard and capacity bounds are 1 to 2^62, got " + bound);
      }
    }
    if (disputeReward.signum() != 0) {
      throw new IllegalArgumentException("the dispute reward must be 0: a reward out of a slash is a way for an "
          + "operator to move its own stake out (decision 0141)");
    }
    if (verifiers.isEmpty() || threshold < 1 || threshold > verifiers.size()) {
      throw new IllegalArgumentException("need 1 <= threshold <= " + verifiers.size() + " verifiers, got "
          + threshold);
    }
  }

  /** Default settlement lag: four epochs. */
  public static long defaultSettlementLag(long epochLength) {
    return 4 * epochLength;
  }

  /** Default unbonding: the dispute window plus the settlement lag plus 32 blocks. */
  public static long defaultUnbonding(long answerWindow, long settlementLag) {
    return answerWindow + 1 + settlementLag + 32;
  }

  /** Default threshold: a majority of the verifiers. */
  public static int majority(int verifiers) {
    return verifiers / 2 + 1;
  }

  /** Defaults for a local network: epochs of {@code epochLength} blocks, 100-credit stakes, 10-credit bonds. */
  public static DeployParameters local(long epochLength, List<Address> verifiers, int threshold) {
    long lag = defaultSettlementLag(epochLength);
    return new DeployParameters(epochLength, DEFAULT_ANSWER_WINDOW, lag, defaultUnbonding(DEFAULT_ANSWER_WINDOW, lag),
        DEFAULT_MAX_DEAL_EPOCHS, DEFAULT_MAX_SHARD_SIZE, DEFAULT_MAX_CAPACITY, credits(DEFAULT_MIN_STAKE_CREDITS),
        credits(DEFAULT_DISPUTE_BOND_CREDITS), credits(DEFAULT_DISPUTE_SLASH_CREDITS),
        credits(DEFAULT_DISPUTE_REWARD_CREDITS), verifiers, threshold);
  }

  private static BigInteger credits(long whole) {
    return CREDIT.multiply(BigInteger.valueOf(whole));
  }
}
