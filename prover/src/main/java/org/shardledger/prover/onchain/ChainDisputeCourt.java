package org.shardledger.prover.onchain;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.proof.SegmentProof;
import org.shardledger.prover.dispute.DisputeCourt;

/** Disputes on the ledger contract, answered with the operator's key (the chain connection's signing key). */
public final class ChainDisputeCourt implements DisputeCourt {
  private final Chain chain;

  public ChainDisputeCourt(Chain chain) {
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  @Override
  public long blockNumber() throws IOException {
    return chain.blockNumber();
  }

  @Override
  public Optional<DisputeInfo> dispute(long disputeId) throws IOException {
    return chain.disputes().get(disputeId);
  }

  @Override
  public Optional<Bytes32> blockHash(long number) throws IOException {
    return chain.blockHash(number);
  }

  @Override
  public TxOutcome answer(long disputeId, List<SegmentProof> samples) throws IOException {
    return chain.disputes().answer(disputeId, samples);
  }
}
