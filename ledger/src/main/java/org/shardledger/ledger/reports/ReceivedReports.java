package org.shardledger.ledger.reports;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;

/**
 * The reports the ledger received and the ones it did not count, with why. The settlement that uses a report marks
 * it ({@code PendingSettlements.create}), so each report counts in one settlement only.
 */
public interface ReceivedReports {
  /** Stores a report that passed the arrival check; false when the verifier sent exactly this report before. */
  boolean storeAccepted(Address verifier, SignedReport report) throws IOException;

  /** Writes down a report that did not count (once per report and reason). */
  void storeRejection(ReportRejectionRecord rejection, Signature signature) throws IOException;

  /** Accepted reports of an epoch not used by any settlement yet, by verifier then results hash. */
  List<SignedReport> unused(long epoch) throws IOException;

  /** The verifiers with an accepted report for the epoch. */
  Set<Address> reporters(long epoch) throws IOException;

  /** Rejections of epochs in [fromEpoch, toEpoch], by epoch then arrival, at most {@code limit}. */
  List<ReportRejectionRecord> rejections(long fromEpoch, long toEpoch, int limit) throws IOException;

  /** How long a stored rejection's detail may be. */
  static String truncate(String detail) {
    return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
  }
}
