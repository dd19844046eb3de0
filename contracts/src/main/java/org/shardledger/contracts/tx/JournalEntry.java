package org.shardledger.contracts.tx;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * One signed transaction in the journal: what it is for, its nonce, the exact signed bytes (so a restart
 * rebroadcasts them instead of signing anew) and where it stands.
 */
public record JournalEntry(long nonce, String purpose, String rawTransaction, Bytes32 hash, State state,
    String detail) {

  public enum State {
    /** Signed and written down; maybe broadcast; no receipt seen yet. */
    PENDING,
    /** Mined with success, or found to be done already. */
    DONE,
    /** Mined and reverted, or dropped for good. */
    FAILED
  }

  public JournalEntry {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(rawTransaction, "rawTransaction");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(state, "state");
    detail = detail == null ? "" : detail;
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative");
    }
  }

  public JournalEntry with(State newState, String newDetail) {
    return new JournalEntry(nonce, purpose, rawTransaction, hash, newState, newDetail);
  }
}
