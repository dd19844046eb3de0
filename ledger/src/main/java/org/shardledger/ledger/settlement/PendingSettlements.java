package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.settlement.SettlementStep;

/**
 * The settlement the ledger is working on and the steps of the confirmed ones. Making a step pending marks its
 * reports as used by it, atomically, so a restart rebuilds exactly the step the verifiers were asked to sign.
 */
public interface PendingSettlements {
  Optional<PendingSettlement> load() throws IOException;

  /** Makes {@code step} the pending settlement (collecting, no signatures) and marks its reports as used by it. */
  void create(SettlementStep step) throws IOException;

  void addSignature(Address signer, Signature signature) throws IOException;

  void dropSignatures() throws IOException;

  /** Moves the pending settlement to {@code status}; a present {@code tx} replaces the one recorded. */
  void status(PendingSettlement.Status status, Optional<Bytes32> tx) throws IOException;

  /** The pending settlement is confirmed: its step joins the history, and nothing is pending. */
  void finish() throws IOException;

  /**
   * The confirmed steps from the one starting at {@code fromEpoch} on, ascending, with their reports; empty when
   * no confirmed step starts there.
   */
  List<SettlementStep> history(long fromEpoch) throws IOException;
}
