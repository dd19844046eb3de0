package org.shardledger.verifier.report;

import java.io.IOException;
import java.util.List;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.EpochReportStore;

/** Delivers every signed report to every ledger, in epoch order, until each has it; survives restarts. */
public final class ReportPublisher {
  private final List<ReportSink> sinks;
  private final EpochReportStore reports;
  private final AuditStore audits;
  private final VerifierStatusLog status;

  public ReportPublisher(List<ReportSink> sinks, EpochReportStore reports, AuditStore audits, VerifierStatusLog status) {
    this.sinks = List.copyOf(sinks);
    this.reports = reports;
    this.audits = audits;
    this.status = status;
  }

  /** One delivery round; returns how many reports were delivered. */
  public int deliver() throws IOException {
    int delivered = 0;
    for (ReportSink sink : sinks) {
      for (EpochReportStore.StoredReport stored : reports.undelivered(sink.name())) {
        try {
          sink.submit(signed(stored));
        } catch (IOException e) {
          status.reportDeliveryFailed(stored.report().epoch(), sink.name(), FailureReason.of(e));
          break;
        }
        reports.markDelivered(stored.report().epoch(), sink.name());
        status.reportDelivered(stored.report().epoch(), sink.name());
        delivered++;
      }
    }
    return delivered;
  }

  /** The report with the results it signed, as a ledger takes it. */
  public SignedReport signed(EpochReportStore.StoredReport stored) throws IOException {
    List<DealResult> results = audits.results(stored.report().epoch()).stream()
        .map(r -> new DealResult(r.dealId(), r.outcome())).toList();
    return new SignedReport(stored.report(), stored.signature(), results);
  }
}
