package org.shardledger.protocol.aggregation;

import java.util.Objects;
import org.shardledger.protocol.crypto.Address;

/** The verdict on one signed report: it counts for its verifier, or it is rejected with a reason. */
public sealed interface ReportCheck {

  /** Signed by {@code verifier}, a member of the set, for the epoch, and its results match what was signed. */
  record Accepted(Address verifier, SignedReport report) implements ReportCheck {
    public Accepted {
      Objects.requireNonNull(verifier, "verifier");
      Objects.requireNonNull(report, "report");
    }
  }

  record Rejected(ReportRejection rejection) implements ReportCheck {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
