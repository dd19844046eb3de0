package org.shardledger.contracts.chain;

import java.math.BigInteger;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.merkle.ShardCommitment;

/** One deal of a {@link Deals#proposeBatch}: the operator, the shard, and the price over epochs first ... last. */
public record ProposalTerms(Address operator, ShardCommitment commitment, int samples, BigInteger pricePerEpoch,
    long firstEpoch, long lastEpoch) {
  public ProposalTerms {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(pricePerEpoch, "pricePerEpoch");
    if (pricePerEpoch.signum() < 0 || lastEpoch < firstEpoch || firstEpoch < 0) {
      throw new IllegalArgumentException("a deal needs a price ≥ 0 and epochs 0 ≤ first ≤ last");
    }
  }

  /** The whole term's price, escrowed at proposal. */
  public BigInteger escrow() {
    return pricePerEpoch.multiply(BigInteger.valueOf(lastEpoch - firstEpoch + 1));
  }
}
