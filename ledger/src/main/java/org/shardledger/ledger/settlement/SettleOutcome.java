package org.shardledger.ledger.settlement;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;

/** What became of a {@code settle} the ledger sent, as its core needs to know it. */
public sealed interface SettleOutcome {
  /** Mined in transaction {@code hash}. */
  record Sent(Bytes32 hash) implements SettleOutcome {
    public Sent {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /** The chain has the epoch settled already ({@code EpochAlreadySettled}): counts as success. */
  record AlreadySettled() implements SettleOutcome {}

  /**
   * The contract refused it, naming {@code reason}; {@code signaturesAtFault} when it blamed the signatures (a
   * signer not a verifier, too few, out of order), so collecting them again can help.
   */
  record Refused(String reason, boolean signaturesAtFault) implements SettleOutcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
