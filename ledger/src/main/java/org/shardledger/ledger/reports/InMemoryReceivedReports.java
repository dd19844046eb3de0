package org.shardledger.ledger.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;

/** {@link ReceivedReports} in memory, for tests of the ledger's core; the H2 one is {@code store/H2ReceivedReports}. */
public final class InMemoryReceivedReports implements ReceivedReports {
  private static final Comparator<Received> ORDER = Comparator.comparing((Received r) -> r.verifier)
      .thenComparing(r -> r.report.report().resultsHash().toHex());

  private static final class Received {
    final Address verifier;
    final SignedReport report;
    Long usedIn;

    Received(Address verifier, SignedReport report) {
      this.verifier = verifier;
      this.report = report;
    }
  }

  private record Rejection(ReportRejectionRecord record, Signature signature) {}

  private final List<Received> received = new ArrayList<>();
  private final List<Rejection> rejected = new ArrayList<>();

  @Override
  public synchronized boolean storeAccepted(Address verifier, SignedReport report) {
    boolean seen = received.stream().anyMatch(r -> r.report.epoch() == report.epoch() && r.verifier.equals(verifier)
        && r.report.report().resultsHash().equals(report.report().resultsHash()));
    if (!seen) {
      received.add(new Received(verifier, report));
    }
    return !seen;
  }

  @Override
  public synchronized void storeRejection(ReportRejectionRecord rejection, Signature signature) {
    boolean seen = rejected.stream().anyMatch(r -> r.record.epoch() == rejection.epoch()
        && r.signature.equals(signature) && r.record.reason().equals(rejection.reason()));
    if (!seen) {
      rejected.add(new Rejection(new ReportRejectionRecord(rejection.epoch(), rejection.signer(), rejection.reason(),
          ReceivedReports.truncate(rejection.detail()), rejection.resultsHash(), rejection.atSettlement()),
          signature));
    }
  }

  @Override
  public synchronized List<SignedReport> unused(long epoch) {
    return received.stream().filter(r -> r.report.epoch() == epoch && r.usedIn == null).sorted(ORDER)
        .map(r -> r.report).toList();
  }

  @Override
  public synchronized Set<Address> reporters(long epoch) {
    Set<Address> out = new TreeSet<>();
    received.stream().filter(r -> r.report.epoch() == epoch).forEach(r -> out.add(r.verifier));
    return out;
  }

  @Override
  public synchronized List<ReportRejectionRecord> rejections(long fromEpoch, long toEpoch, int limit) {
    return rejected.stream().map(Rejection::record).filter(r -> r.epoch() >= fromEpoch && r.epoch() <= toEpoch)
        .sorted(Comparator.comparingLong(ReportRejectionRecord::epoch)).limit(limit).toList();
  }

  /** Marks exactly these reports as used by the settlement of {@code settlementEpoch}. */
  public synchronized void markUsed(long settlementEpoch, List<SignedReport> reports) {
    for (Received r : received) {
      if (reports.stream().anyMatch(u -> u.epoch() == r.report.epoch()
          && u.report().resultsHash().equals(r.report.report().resultsHash())
          && u.signature().equals(r.report.signature()))) {
        r.usedIn = settlementEpoch;
      }
    }
  }

  /** The reports of {@code epoch} that the settlement of {@code settlementEpoch} used. */
  public synchronized List<SignedReport> usedIn(long epoch, long settlementEpoch) {
    return received.stream().filter(r -> r.report.epoch() == epoch && Objects.equals(r.usedIn, settlementEpoch))
        .sorted(ORDER).map(r -> r.report).toList();
  }
}
