package org.shardledger.protocol.settlement;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A verifier's answer to a request to sign a settlement: the signature, not ready yet (with the epoch the ledger
 * must resend from, when its state starts earlier) or refused with what differs. The verifier produces it, the
 * ledger reads it back; its JSON-RPC form is {@code rpc.json.SignAnswerJson}'s.
 */
public sealed interface SignAnswer {

  /** Recomputed, identical, signed. */
  record Signed(SettlementSignature signature) implements SignAnswer {
    public Signed {
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * Not yet: the verifier's chain view is behind the request, or its own state starts before the request's first
   * epoch ({@code fromEpoch}: resend with the settlements from that epoch).
   */
  record NotReady(OptionalLong fromEpoch, String reason) implements SignAnswer {
    public NotReady {
      Objects.requireNonNull(fromEpoch, "fromEpoch");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Not this settlement: what differs from the verifier's own recomputation, or what in the request is wrong. */
  record Refused(String reason) implements SignAnswer {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
