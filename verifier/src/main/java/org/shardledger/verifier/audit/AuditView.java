package org.shardledger.verifier.audit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

/** What the auditors read of the chain: confirmed beacons, deals and operators, and how far the chain is. */
public interface AuditView {
  /** The chain head now. */
  long headBlock() throws IOException;

  /** The last block whose events the view holds (confirmed); below the head by the confirmation depth. */
  long confirmedThrough() throws IOException;

  /** The epoch's beacon once its recording is confirmed. */
  Optional<EpochBeacon> beacon(long epoch) throws IOException;

  /** The deals to audit in {@code epoch}, by id (active ones, and ended ones still paid for it). */
  List<Deal> dealsToAudit(long epoch) throws IOException;

  /** Where an operator registered to be dialled; empty when it has no registration. */
  Optional<OperatorEndpoint> operator(Address operator) throws IOException;
}
