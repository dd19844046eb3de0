package org.shardledger.client.put;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * What a put needs from the chain, declared here so the put core stays chain-free: the node implements it over the
 * contracts, tests in memory. Each list call is meant to be one transaction however long the list.
 */
public interface OwnerChain {
  long currentEpoch() throws IOException;

  /** How long an epoch lasts on this chain (its blocks times the block time). */
  Duration epochLength() throws IOException;

  /**
   * How long proposing and activating {@code deals} deals takes on this chain (a block per batch of transactions),
   * so a put can leave its proposals and activations time inside the activation window.
   */
  Duration chainTime(long deals) throws IOException;

  /** Registered operators that take new deals (not exiting), with their region and endpoint. */
  List<RegisteredOperator> operators() throws IOException;

  /** The owner's credits, to check the escrow of a put before its first transaction. */
  BigInteger balance() throws IOException;

  /** Proposes every deal, escrowing each whole price; returns them with their ids, in order. */
  List<Deal> propose(List<Proposal> proposals) throws IOException;

  /** Activates each deal with its operator's DealAcceptance signature. */
  void activate(Map<Long, Signature> acceptances) throws IOException;

  /** Cancels proposals never activated; their escrow comes back to the owner. */
  void cancel(List<Long> dealIds) throws IOException;

  /**
   * The owner's proposals still open (proposed, never activated, not cancelled) whose shard has one of these roots:
   * what an interrupted put must cancel when it did not live to record the deal ids.
   */
  List<Deal> openProposals(java.util.Set<org.shardledger.protocol.bytes.Bytes32> roots) throws IOException;

  /** Ends active deals early: paid through the current epoch, the rest refunded through the payout tree. */
  void end(List<Long> dealIds) throws IOException;

  record RegisteredOperator(Address operator, String region, InetSocketAddress endpoint) {
    public RegisteredOperator {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(endpoint, "endpoint");
    }
  }

  record Proposal(Address operator, ShardCommitment commitment, int samples, BigInteger pricePerEpoch,
      long firstEpoch, long lastEpoch) {
    public Proposal {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(commitment, "commitment");
      Objects.requireNonNull(pricePerEpoch, "pricePerEpoch");
    }

    public BigInteger escrow() {
      return pricePerEpoch.multiply(BigInteger.valueOf(lastEpoch - firstEpoch + 1));
    }
  }
}
