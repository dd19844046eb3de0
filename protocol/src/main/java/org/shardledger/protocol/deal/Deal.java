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
 */
public record Deal(long id, Address owner, Address operator, ShardCommitment commitment, int samples,
    BigInteger pricePerEpoch, long firstEpoch, long lastEpoch) {

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
    if (firstEpoch < 0 || lastEpoch < firstEpoch) {
      throw new IllegalArgumentException("epochs must satisfy 0 <= firstEpoch <= lastEpoch, got " + firstEpoch + ".."
          + lastEpoch);
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
