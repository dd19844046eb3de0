package org.shardledger.protocol.aggregation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;

/**
 * A verifier's {@code AuditReport}, its signature and the per-deal results it summarises, as submitted to the
 * ledger ({@code audit_submitReport}). The results are kept sorted by deal id (the order {@code resultsHash} uses);
 * nothing here is trusted until {@link Aggregator#check} accepts it.
 */
public record SignedReport(AuditReport report, Signature signature, List<DealResult> results) {
  private static final Comparator<DealResult> BY_DEAL = Comparator.comparingLong(DealResult::dealId);

  public SignedReport {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(signature, "signature");
    List<DealResult> sorted = new ArrayList<>(Objects.requireNonNull(results, "results"));
    sorted.sort(BY_DEAL);
    results = List.copyOf(sorted);
  }

  public long epoch() {
    return report.epoch();
  }
}
