package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.shardledger.ledger.records.AuditFilter;
import org.shardledger.ledger.records.DisagreementRecord;
import org.shardledger.ledger.records.EntryRecord;
import org.shardledger.ledger.records.LedgerRecords;
import org.shardledger.ledger.reports.ReportRejectionRecord;
import org.shardledger.ledger.reports.ReceivedReports;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.json.Decoded;
import org.shardledger.rpc.json.JsonReader;

/**
 * {@code audit_getResults(filter)}: the settled verdicts per deal and epoch (with their counts, the money's
 * movements and the verifiers that disagreed), and the reports that did not count, with why. The filter:
 * {@code {"epoch"} or {"fromEpoch","toEpoch"}}, optionally {@code "dealId"}, {@code "operator"}, {@code "verifier"}
 * (only entries it disagreed with) and {@code "limit"} (default and at most 1000).
 */
final class AuditGetResults implements RpcMethod {
  private final LedgerRecords records;
  private final ReceivedReports reports;

  AuditGetResults(LedgerRecords records, ReceivedReports reports) {
    this.records = records;
    this.reports = reports;
  }

  @Override
  public String name() {
    return MethodName.AUDIT_GET_RESULTS.wire();
  }

  static AuditFilter read(JsonReader in) {
    long from = in.has("epoch") ? in.field("epoch").quantity() : in.field("fromEpoch").quantity();
    long to = in.has("epoch") ? from : in.field("toEpoch").quantity();
    Optional<Long> deal = in.has("dealId") ? Optional.of(in.field("dealId").quantity()) : Optional.empty();
    Optional<Address> operator = in.has("operator") ? Optional.of(in.field("operator").address()) : Optional.empty();
    Optional<Address> verifier = in.has("verifier") ? Optional.of(in.field("verifier").address()) : Optional.empty();
    int limit = in.has("limit") ? (int) Math.min(Integer.MAX_VALUE, in.field("limit").quantity())
        : AuditFilter.MAX_LIMIT;
    return in.read(() -> new AuditFilter(from, to, deal, operator, verifier, limit));
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    AuditFilter filter = Decoded.of(AuditGetResults::read, params.raw(0)).orInvalidParams(0);
    ObjectNode out = JsonOut.object();
    ArrayNode results = out.putArray("results");
    for (EntryRecord e : records.entries(filter)) {
      ObjectNode r = results.addObject().put("epoch", Hex.quantity(e.epoch())).put("dealId", Hex.quantity(e.dealId()))
          .put("operator", e.operator().toString()).put("owner", e.owner().toString())
          .put("outcome", e.outcome().name()).put("basis", e.basis()).put("pass", Hex.quantity(e.pass()))
          .put("fail", Hex.quantity(e.fail())).put("unreachable", Hex.quantity(e.unreachable()));
      r.set("events", e.events());
      ArrayNode disagreements = r.putArray("disagreements");
      for (DisagreementRecord d : e.disagreements()) {
        disagreements.addObject().put("verifier", d.verifier().toString()).put("reported", d.reported().name());
      }
    }
    ArrayNode rejected = out.putArray("rejectedReports");
    if (filter.dealId().isEmpty() && filter.operator().isEmpty()) {
      for (ReportRejectionRecord x : reports.rejections(filter.fromEpoch(), filter.toEpoch(), filter.limit())) {
        if (filter.verifier().isPresent() && !x.signer().equals(filter.verifier())) {
          continue;
        }
        ObjectNode r = rejected.addObject().put("epoch", Hex.quantity(x.epoch()));
        if (x.signer().isPresent()) {
          r.put("signer", x.signer().get().toString());
        } else {
          r.putNull("signer");
        }
        r.put("reason", x.reason()).put("detail", x.detail()).put("resultsHash", x.resultsHash().toHex())
            .put("atSettlement", x.atSettlement());
      }
    }
    return out;
  }
}
