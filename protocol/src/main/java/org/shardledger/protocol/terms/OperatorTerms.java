package org.shardledger.protocol.terms;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.Epochs;
import org.shardledger.protocol.eip712.TypedStruct;

/**
 * An operator's published acceptance policy, signed as EIP-712 {@code OperatorTerms} in the shardledger domain
 * (decision 0060): what deals its node accepts, and how much space it has free at {@code issuedEpoch}. Owners
 * check a proposal against it ({@link #check}) before they pay gas and escrow for it; the node applies the same
 * check to every proposal it is asked to store, and refuses with the rule it broke.
 *
 * @param minPricePerGiBEpoch the least price per epoch for a GiB (2^30 bytes), pro rata by size, in credit units
 * @param maxDurationEpochs the most epochs a deal may run
 * @param maxShardBytes the largest shard
 * @param maxStartDelayEpochs how far after the current epoch a deal may start (so a proposal's activation window,
 *     which ends with its first epoch, is short)
 * @param maxOpenProposalsPerOwner shards of proposals not activated yet that the node holds for one owner
 * @param maxUnactivatedBytes bytes of shards of proposals not activated yet the node holds for everyone together
 * @param freeBytes capacity left, counting shards staged and shards of proposals not activated yet
 * @param issuedEpoch the epoch the node signed this in (free space changes: clients refuse stale terms)
 */
public record OperatorTerms(Address operator, BigInteger minPricePerGiBEpoch, long maxDurationEpochs,
    long maxShardBytes, long maxStartDelayEpochs, int maxOpenProposalsPerOwner, long maxUnactivatedBytes,
    long freeBytes, long issuedEpoch) implements TypedStruct {

  public static final String TYPE = "OperatorTerms(address operator,uint256 minPricePerGiBEpoch,"
      + "uint64 maxDurationEpochs,uint64 maxShardBytes,uint64 maxStartDelayEpochs,uint32 maxOpenProposalsPerOwner,"
      + "uint64 maxUnactivatedBytes,uint64 freeBytes,uint64 issuedEpoch)";
  private static final BigInteger GIB = BigInteger.ONE.shiftLeft(30);

  public OperatorTerms {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(minPricePerGiBEpoch, "minPricePerGiBEpoch");
    if (minPricePerGiBEpoch.signum() < 0 || minPricePerGiBEpoch.bitLength() > 256 || maxDurationEpochs < 1
        || maxShardBytes < 1 || maxStartDelayEpochs < 0 || maxOpenProposalsPerOwner < 0 || maxUnactivatedBytes < 0
        || freeBytes < 0 || issuedEpoch < 0) {
      throw new IllegalArgumentException("terms need a price in [0, 2^256), a duration and a shard size of at least"
          + " 1, and no negative limit");
    }
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().address(operator).uint(minPricePerGiBEpoch).uint(maxDurationEpochs).uint(maxShardBytes)
        .uint(maxStartDelayEpochs).uint(maxOpenProposalsPerOwner).uint(maxUnactivatedBytes).uint(freeBytes)
        .uint(issuedEpoch);
  }

  /**
   * The first rule of these terms (duration, size, start, price) the deal breaks when proposed in epoch
   * {@code now}, or empty when they admit it. Space (free, unactivated, per owner) is the node's to check.
   */
  public Optional<TermsBreach> check(Deal deal, long now) {
    long size = deal.commitment().size();
    if (deal.epochs() > maxDurationEpochs) {
      return breach(TermsRule.MAX_DURATION, "the deal runs " + deal.epochs() + " epochs (" + deal.firstEpoch()
          + ".." + deal.lastEpoch() + "); the node accepts at most " + maxDurationEpochs);
    }
    if (size > maxShardBytes) {
      return breach(TermsRule.MAX_SHARD_SIZE, "the shard is " + size + " bytes; the node accepts at most "
          + maxShardBytes);
    }
    if (deal.firstEpoch() > Epochs.saturatingAdd(now, maxStartDelayEpochs)) {
      return breach(TermsRule.MAX_START_DELAY, "the deal starts in epoch " + deal.firstEpoch() + ", now is " + now
          + "; the node accepts deals starting within " + maxStartDelayEpochs + " epochs");
    }
    if (deal.pricePerEpoch().multiply(GIB).compareTo(minPricePerGiBEpoch.multiply(BigInteger.valueOf(size))) < 0) {
      return breach(TermsRule.MIN_PRICE, "the deal pays " + deal.pricePerEpoch() + " per epoch for " + size
          + " bytes; the node asks at least " + minPricePerGiBEpoch + " per GiB-epoch");
    }
    return Optional.empty();
  }

  private static Optional<TermsBreach> breach(TermsRule rule, String detail) {
    return Optional.of(new TermsBreach(rule, detail));
  }
}
