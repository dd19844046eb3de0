package org.shardledger.contracts.tx;

import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

/** What became of a transaction the sender was asked to make. Expected outcomes are values, not exceptions. */
public sealed interface TxOutcome {
  /** Mined with success; {@code contractAddress} is set when it created a contract. */
  record Mined(Bytes32 hash, long blockNumber, long gasUsed, List<RawLog> logs, Address contractAddress)
      implements TxOutcome {
    public Mined {
      logs = List.copyOf(logs);
    }
  }

  /** The contract says it is done already (e.g. EpochAlreadySettled): counts as success, nothing (more) sent. */
  record AlreadyDone(DecodedRevert reason) implements TxOutcome {}

  /** The contract refused it, before sending (estimate) or when mined ({@code hash} is null when never sent). */
  record Reverted(DecodedRevert reason, Bytes32 hash) implements TxOutcome {}

  /** A log of a mined transaction, as the chain gave it. */
  record RawLog(Address address, List<Bytes32> topics, String data, long logIndex) {
    public RawLog {
      topics = List.copyOf(topics);
    }
  }

  default boolean succeeded() {
    return this instanceof Mined || this instanceof AlreadyDone;
  }

  /** The mined transaction, or an exception naming why there is none. */
  default Mined mined() {
    if (this instanceof Mined m) {
      return m;
    }
    throw new ChainRevertException(this);
  }
}
