package org.shardledger.protocol.aggregation;

import java.util.List;
import java.util.Objects;

/**
 * Everything the rules need about one epoch's audits: whether its beacon was recorded on chain, and the signed
 * reports the ledger collected (in any order; invalid ones are rejected, not thrown).
 */
public record EpochAudits(long epoch, boolean beaconRecorded, List<SignedReport> reports) {
  public EpochAudits {
    reports = List.copyOf(Objects.requireNonNull(reports, "reports"));
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative: " + epoch);
    }
  }

  /** An epoch whose beacon was never recorded: unaudited, pays as PASS. */
  public static EpochAudits beaconMissing(long epoch) {
    return new EpochAudits(epoch, false, List.of());
  }

  public static EpochAudits of(long epoch, List<SignedReport> reports) {
    return new EpochAudits(epoch, true, reports);
  }
}
