package org.shardledger.ledger.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;

/**
 * One deal's settled epoch as the ledger shows it: the t-of-n verdict with its counts, what happened to the money
 * ({@code events}, JSON as in docs/rpc.md) and the verifiers who reported otherwise.
 *
 * @param basis a {@code VerdictBasis} name: AUDITED, BEACON_MISSING or NOT_AUDITED
 */
public record EntryRecord(long epoch, long dealId, Address operator, Address owner, AuditOutcome outcome,
    String basis, int pass, int fail, int unreachable, JsonNode events, List<DisagreementRecord> disagreements) {
  public EntryRecord {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(events, "events");
    disagreements = List.copyOf(disagreements);
  }
}
