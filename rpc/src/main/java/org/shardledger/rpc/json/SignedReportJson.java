package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.eip712.AuditReport;

/**
 * A verifier's signed audit report as JSON (docs/rpc.md, "SignedReport"):
 * <pre>{"epoch":"0x2a","resultsHash":"0x…","deals":"0x2",
 *  "results":[{"dealId":"0x1","outcome":"PASS"},{"dealId":"0x7","outcome":"UNREACHABLE"}],
 *  "signature":"0x…65 bytes"}</pre>
 * The verifier is whoever the signature recovers to; nothing here is trusted until {@code Aggregator.check}.
 */
public final class SignedReportJson {
  /** More results than any report can carry in a 16 MiB request. */
  public static final int MAX_RESULTS = 1 << 20;

  private SignedReportJson() {}

  public static ObjectNode encode(SignedReport r) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("epoch", Hex.quantity(r.report().epoch()));
    node.put("resultsHash", r.report().resultsHash().toHex());
    node.put("deals", Hex.quantity(r.report().deals()));
    ArrayNode results = node.putArray("results");
    for (DealResult result : r.results()) {
      results.addObject().put("dealId", Hex.quantity(result.dealId())).put("outcome", result.outcome().name());
    }
    node.put("signature", r.signature().toHex());
    return node;
  }

  public static Decoded<SignedReport> decode(JsonNode node) {
    return Decoded.of(SignedReportJson::read, node);
  }

  static SignedReport read(JsonReader in) {
    long epoch = in.field("epoch").quantity();
    JsonReader deals = in.field("deals");
    AuditReport report = in.read(() -> new AuditReport(epoch, in.field("resultsHash").bytes32(), deals.quantity()));
    var results = in.field("results").list(MAX_RESULTS, r -> new DealResult(r.field("dealId").quantity(),
        r.field("outcome").constant(AuditOutcome.class)));
    return new SignedReport(report, in.field("signature").signature(), results);
  }
}
