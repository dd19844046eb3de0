package org.shardledger.verifier.rpc;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.json.SignedReportJson;
import org.shardledger.verifier.report.FailureReason;
import org.shardledger.verifier.report.ReportSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A ledger reached over JSON-RPC: delivers the verifier's signed reports with {@code audit_submitReport}. */
public final class RpcLedgerClient implements ReportSink {
  private static final Logger LOG = LoggerFactory.getLogger(RpcLedgerClient.class);
  private final RpcClient client;

  public RpcLedgerClient(URI ledger) {
    this.client = new RpcClient(ledger, Duration.ofSeconds(10));
  }

  @Override
  public String name() {
    return client.url().toString();
  }

  /** Delivered once the ledger has it; a refusal is final (logged, not retried); silence is retried. */
  @Override
  public void submit(SignedReport report) throws IOException {
    try {
      client.call(MethodName.AUDIT_SUBMIT_REPORT, SignedReportJson.encode(report));
    } catch (RpcException e) {
      if (e.error() == RpcError.UNAVAILABLE || e.error() == RpcError.NOT_READY
          || e.error() == RpcError.INTERNAL_ERROR) {
        throw new IOException(name() + " could not take the report yet: " + FailureReason.of(e), e);
      }
      LOG.warn("{} refused the report of epoch {}: {} ({})", name(), report.epoch(), FailureReason.of(e), e.error());
    }
  }
}
