package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.shardledger.ledger.reports.ReportInbox;
import org.shardledger.ledger.reports.SubmitOutcome;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.json.SignedReportJson;

/**
 * {@code audit_submitReport(report)}: a verifier's signed report for an epoch. ACCEPTED (or DUPLICATE when sent
 * before); a refused report is kept with its reason and answered REJECTED with {@code data.reason}.
 */
final class AuditSubmitReport implements RpcMethod {
  private final ReportInbox inbox;

  AuditSubmitReport(ReportInbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public String name() {
    return MethodName.AUDIT_SUBMIT_REPORT.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    SignedReport report = SignedReportJson.decode(params.raw(0)).orInvalidParams(0);
    return switch (inbox.submit(report)) {
      case SubmitOutcome.Accepted a -> JsonOut.object().put("status", a.duplicate() ? "DUPLICATE" : "ACCEPTED")
          .put("verifier", a.verifier().toString()).put("epoch", Hex.quantity(a.epoch()));
      case SubmitOutcome.Rejected r -> throw new RpcException(RpcError.REJECTED, r.reason() + ": " + r.detail(),
          JsonOut.object().put("reason", r.reason()));
    };
  }
}
