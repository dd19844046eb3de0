package org.shardledger.protocol.aggregation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;

/**
 * Checks signed audit reports and aggregates an epoch's reports t-of-n. Pure: the same reports in any order give
 * the same {@link EpochAggregate}; an invalid report is a {@link ReportRejection}, never an exception.
 */
public final class Aggregator {
  private final Eip712Domain domain;

  public Aggregator(Eip712Domain domain) {
    this.domain = Objects.requireNonNull(domain, "domain");
  }

  /** Whether one report counts for the epoch: signature, membership, epoch, then its results against what it signs. */
  public ReportCheck check(VerifierSet verifiers, long epoch, SignedReport signed) {
    AuditReport report = signed.report();
    Optional<Address> signer = domain.signer(report, signed.signature());
    if (signer.isEmpty()) {
      return rejected(signed, signer, RejectionReason.BAD_SIGNATURE, "the signature recovers to no address");
    }
    if (!verifiers.contains(signer.get())) {
      return rejected(signed, signer, RejectionReason.NOT_A_VERIFIER, signer.get() + " is not a current verifier");
    }
    if (report.epoch() != epoch) {
      return rejected(signed, signer, RejectionReason.WRONG_EPOCH,
          "report is for epoch " + report.epoch() + ", aggregating " + epoch);
    }
    List<DealResult> results = signed.results();
    if (report.deals() != results.size()) {
      return rejected(signed, signer, RejectionReason.DEAL_COUNT_MISMATCH,
          "signed " + report.deals() + " deals, carries " + results.size() + " results");
    }
    for (int i = 1; i < results.size(); i++) {
      if (results.get(i).dealId() == results.get(i - 1).dealId()) {
        return rejected(signed, signer, RejectionReason.DUPLICATE_DEAL_RESULT,
            "two results for deal " + results.get(i).dealId());
      }
    }
    if (!AuditResults.hashOfSorted(results).equals(report.resultsHash())) {
      return rejected(signed, signer, RejectionReason.RESULTS_HASH_MISMATCH,
          "the results do not hash to the signed resultsHash " + report.resultsHash());
    }
    return new ReportCheck.Accepted(signer.get(), signed);
  }

  /**
   * The epoch's t-of-n verdicts. One report counts per verifier: a verifier that signed two different reports for
   * the epoch counts with none; exact copies count once. An epoch whose beacon was never recorded is unaudited: every
   * deal passes and any report for it is rejected.
   */
  public EpochAggregate aggregate(VerifierSet verifiers, EpochAudits audits) {
    long epoch = audits.epoch();
    List<ReportRejection> rejections = new ArrayList<>();
    if (!audits.beaconRecorded()) {
      for (SignedReport r : audits.reports()) {
        rejections.add(new ReportRejection(r, domain.signer(r.report(), r.signature()),
            RejectionReason.UNAUDITED_EPOCH, "the beacon of epoch " + epoch + " was never recorded"));
      }
      rejections.sort(ReportRejection.ORDER);
      return EpochAggregate.beaconMissing(epoch, rejections);
    }
    Map<Address, List<SignedReport>> byVerifier = new TreeMap<>();
    for (SignedReport r : audits.reports()) {
      switch (check(verifiers, epoch, r)) {
        case ReportCheck.Accepted a -> byVerifier.computeIfAbsent(a.verifier(), v -> new ArrayList<>()).add(r);
        case ReportCheck.Rejected x -> rejections.add(x.rejection());
      }
    }
    Map<Address, SignedReport> counted = new TreeMap<>();
    byVerifier.forEach((verifier, reports) -> {
      reports.sort(Comparator.comparing(r -> r.signature().toHex()));
      long distinct = reports.stream().map(r -> r.report().resultsHash()).distinct().count();
      if (distinct > 1) {
        reports.forEach(r -> rejections.add(new ReportRejection(r, Optional.of(verifier),
            RejectionReason.EQUIVOCATION, verifier + " signed " + distinct + " different reports for epoch " + epoch)));
        return;
      }
      counted.put(verifier, reports.getFirst());
      reports.subList(1, reports.size()).forEach(r -> rejections.add(new ReportRejection(r, Optional.of(verifier),
          RejectionReason.DUPLICATE_REPORT, "a copy of a report already counted")));
    });
    rejections.sort(ReportRejection.ORDER);
    return EpochAggregate.counted(epoch, verifiers.threshold(), counted, rejections);
  }

  private static ReportCheck rejected(SignedReport r, Optional<Address> signer, RejectionReason reason,
      String detail) {
    return new ReportCheck.Rejected(new ReportRejection(r, signer, reason, detail));
  }
}
