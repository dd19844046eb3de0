package org.shardledger.ledger.reports;

import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/** What became of a report submitted to the ledger. */
public sealed interface SubmitOutcome {

  /** It counts (or will, when its epoch is settled); {@code duplicate} when the verifier had sent it before. */
  record Accepted(Address verifier, long epoch, boolean duplicate) implements SubmitOutcome {
    public Accepted {
      Objects.requireNonNull(verifier, "verifier");
    }
  }

  /** Refused, with the reason kept in the ledger's records. */
  record Rejected(long epoch, Optional<Address> signer, String reason, String detail) implements SubmitOutcome {
    public Rejected {
      Objects.requireNonNull(signer, "signer");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
