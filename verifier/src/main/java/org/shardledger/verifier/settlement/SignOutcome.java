package org.shardledger.verifier.settlement;

import java.util.Objects;
import java.util.OptionalLong;
import org.shardledger.rpc.json.SettlementSignature;

/** What a verifier answers a ledger that asks it to sign a settlement. */
public sealed interface SignOutcome {

  /** Recomputed, identical, signed. */
  record Signed(SettlementSignature signature) implements SignOutcome {
    public Signed {
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * Not yet: the verifier's chain view is behind the request, or its own state starts before the request's first
   * epoch ({@code needFrom}: the ledger resends with the settlements from that epoch).
   */
  record NotReady(OptionalLong needFrom, String reason) implements SignOutcome {
    public NotReady {
      Objects.requireNonNull(needFrom, "needFrom");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Not this settlement: what differs from the verifier's own recomputation, or what in the request is wrong. */
  record Rejected(String reason) implements SignOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
