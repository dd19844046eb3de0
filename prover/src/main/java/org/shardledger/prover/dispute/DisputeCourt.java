package org.shardledger.prover.dispute;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.proof.SegmentProof;

/** What answering disputes needs of the chain: the head, a dispute, a block hash, and the answer itself. */
public interface DisputeCourt {
  long blockNumber() throws IOException;

  /** The dispute as the chain has it now, or empty when there is none with this id. */
  Optional<DisputeInfo> dispute(long disputeId) throws IOException;

  /** The hash of block {@code number}, or empty while that block does not exist yet. */
  Optional<Bytes32> blockHash(long number) throws IOException;

  /** Sends the operator's answer (the challenged segments with their paths, in challenge order). */
  TxOutcome answer(long disputeId, List<SegmentProof> samples) throws IOException;
}
