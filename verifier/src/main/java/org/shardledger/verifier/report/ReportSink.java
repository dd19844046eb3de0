package org.shardledger.verifier.report;

import java.io.IOException;
import org.shardledger.protocol.aggregation.SignedReport;

/** Somewhere a signed epoch report must reach: a ledger. */
public interface ReportSink {
  /** A stable name for delivery records (the ledger's URL). */
  String name();

  /** Delivers the report; returns normally once the ledger has it (a duplicate counts as delivered). */
  void submit(SignedReport report) throws IOException;
}
