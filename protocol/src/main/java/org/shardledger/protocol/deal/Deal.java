package org.shardledger.protocol.deal;

import java.math.BigInteger;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.eip712.DealAcceptance;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * A storage deal's terms, as proposed on chain: who stores what for whom, how often it is sampled, for which
 * epochs and at what price. The whole price, {@code pricePerEpoch × epochs()}, is escrowed at proposal.
 *
 * @param samples segments drawn per epoch audit
 * @param lastEpoch at most {@link #MAX_LAST_EPOCH}, so that "the epoch after the last" and the number of epochs
 *     are {@code long}s too (a chain deal beyond it is unusable for the node)
 */
public record Deal(long id, Address owner, Address operator, ShardCommitment commitment, int samples,
    BigInteger pricePerEpoch, long firstEpoch, long lastEpoch) {

  /** The latest last epoch the node's types hold: 2^63 − 2. */
  public static final long MAX_LAST_EPOCH = Long.MAX_VALUE - 1;

  public Deal {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(pricePerEpoch, "pricePerEpoch");
    if (id <= 0) {
      throw new IllegalArgumentException("deal ids start at 1, got " + id);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("a deal samples at least one segment per epoch");
    }
    if (pricePerEpoch.signum() < 0) {
      throw new IllegalArgumentException("price must not be negative");
    }
    if (firstEpoch < 0 || lastEpoch < firstEpoch || lastEpoch > MAX_LAST_EPOCH) {
      throw new IllegalArgumentException("epochs must satisfy 0 <= firstEpoch <= lastEpoch <= 2^63 - 2, got "
          + firstEpoch + ".." + lastEpoch);
    }
  }

  public long epochs() {
    return lastEpoch - firstEpoch + 1;
  }

  public BigInteger totalPrice() {
    return pricePerEpoch.multiply(BigInteger.valueOf(epochs()));
  }

  public boolean covers(long epoch) {
    return epoch >= firstEpoch && epoch <= lastEpoch;
  }

  /** What the operator signs to accept this deal. */
  public DealAcceptance acceptance() {
    return new DealAcceptance(id, commitment.root(), commitment.size(), firstEpoch, lastEpoch, pricePerEpoch);
  }
}
