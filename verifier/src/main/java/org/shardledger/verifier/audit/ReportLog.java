package org.shardledger.verifier.audit;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.verifier.store.EpochReportStore.StoredReport;

/** Where the epoch auditor keeps what it signed, and the epochs it could not audit. */
public interface ReportLog {
  void save(AuditReport report, Signature signature) throws IOException;

  /** An epoch whose beacon was never recorded: no report. */
  void saveUnaudited(long epoch) throws IOException;

  /** The epoch's signed report. */
  Optional<StoredReport> report(long epoch) throws IOException;
}
