package org.shardledger.ledger.settlement;

import java.util.Objects;
import java.util.OptionalLong;
import org.shardledger.rpc.json.SettlementSignature;

/** A verifier's answer to a request to sign. */
public sealed interface SignAnswer {
  record Signed(SettlementSignature signature) implements SignAnswer {
    public Signed {
      Objects.requireNonNull(signature, "signature");
    }
  }

  /** Not yet; with {@code fromEpoch} when it needs the settlements from that epoch to catch up. */
  record NotReady(OptionalLong fromEpoch, String reason) implements SignAnswer {
    public NotReady {
      Objects.requireNonNull(fromEpoch, "fromEpoch");
      Objects.requireNonNull(reason, "reason");
    }
  }

  record Refused(String reason) implements SignAnswer {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
