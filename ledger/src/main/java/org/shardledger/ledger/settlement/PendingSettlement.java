package org.shardledger.ledger.settlement;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.settlement.SettlementStep;

/** The settlement the ledger is working on, where it stands, and the signatures it has. */
public record PendingSettlement(SettlementStep step, Status status, Map<Address, Signature> signatures,
    Optional<Bytes32> tx) {

  public enum Status {
    /** Computed; asking the verifiers to sign. */
    COLLECTING,
    /** At least t signatures; to be sent. */
    SIGNED,
    /** Sent (or found settled); waiting for the chain mirror to confirm it. */
    SUBMITTED
  }

  public PendingSettlement {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    signatures = Collections.unmodifiableMap(new TreeMap<>(signatures));
    Objects.requireNonNull(tx, "tx");
  }

  public long epoch() {
    return step.epoch();
  }
}
