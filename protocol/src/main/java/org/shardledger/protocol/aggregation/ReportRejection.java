package org.shardledger.protocol.aggregation;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/** A report that did not count, the address it recovers to (if any), and why. */
public record ReportRejection(SignedReport report, Optional<Address> signer, RejectionReason reason,
    String detail) {
  /** Signer (unrecoverable first), reason, results hash, signature: independent of submission order. */
  static final Comparator<ReportRejection> ORDER = Comparator
      .comparing((ReportRejection r) -> r.signer().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(ReportRejection::reason)
      .thenComparing(r -> r.report().report().resultsHash())
      .thenComparing(r -> r.report().signature().toHex());

  public ReportRejection {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
