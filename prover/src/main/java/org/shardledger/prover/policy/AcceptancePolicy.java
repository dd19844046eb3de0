package org.shardledger.prover.policy;

import java.math.BigInteger;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.terms.OperatorTerms;

/**
 * What deals the operator's node accepts (issue 12): the operator's side of {@link OperatorTerms}. Proposals cost
 * a stranger only gas, so every limit is on by default.
 *
 * @param minPricePerGiBEpoch least price per GiB (2^30 bytes) per epoch, pro rata by size, in credit base units
 * @param maxDurationEpochs most epochs a deal may run
 * @param maxShardBytes largest shard
 * @param maxStartDelayEpochs how many epochs ahead a deal may start (bounds how long an unactivated shard stays)
 * @param maxOpenProposalsPerOwner shards of not yet activated proposals held (or being uploaded) for one owner
 * @param maxUnactivatedBytes bytes of shards of not yet activated proposals held (or being uploaded) in all
 */
public record AcceptancePolicy(BigInteger minPricePerGiBEpoch, long maxDurationEpochs, long maxShardBytes,
    long maxStartDelayEpochs, int maxOpenProposalsPerOwner, long maxUnactivatedBytes) {

  public AcceptancePolicy {
    Objects.requireNonNull(minPricePerGiBEpoch, "minPricePerGiBEpoch");
    if (minPricePerGiBEpoch.signum() < 0 || maxDurationEpochs < 1 || maxShardBytes < 1 || maxStartDelayEpochs < 0
        || maxOpenProposalsPerOwner < 0 || maxUnactivatedBytes < 0) {
      throw new IllegalArgumentException("price ≥ 0, duration and shard size ≥ 1, no negative limit");
    }
  }

  /**
   * 1 base unit per GiB-epoch (free deals are refused), at most 100,000 epochs, shards up to 2 GiB, starting
   * within 16 epochs; 32 unactivated proposals per owner and a quarter of the capacity for all of them.
   */
  public static AcceptancePolicy defaults(long capacityBytes) {
    return new AcceptancePolicy(BigInteger.ONE, 100_000, 2L << 30, 16, 32, capacityBytes / 4);
  }

  public AcceptancePolicy withMinPrice(BigInteger perGiBEpoch) {
    return new AcceptancePolicy(perGiBEpoch, maxDurationEpochs, maxShardBytes, maxStartDelayEpochs,
        maxOpenProposalsPerOwner, maxUnactivatedBytes);
  }

  /** The terms this policy publishes, with the space free now. */
  public OperatorTerms terms(Address operator, long freeBytes, long epoch) {
    return new OperatorTerms(operator, minPricePerGiBEpoch, maxDurationEpochs, maxShardBytes, maxStartDelayEpochs,
        maxOpenProposalsPerOwner, maxUnactivatedBytes, Math.max(0, freeBytes), epoch);
  }
}
