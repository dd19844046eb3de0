package org.shardledger.protocol.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.Address;

/**
 * One epoch's aggregated audits: the verdict of every deal some counted verifier reported on, which verifiers
 * counted, which reports were rejected and why, and who disagreed with the aggregate. Immutable; deal lookups are a
 * binary search over the sorted deal ids.
 */
public final class EpochAggregate {
  private final long epoch;
  private final boolean audited;
  private final DealVerdict unreported;
  private final List<Address> counted;
  private final List<ReportRejection> rejections;
  private final List<Disagreement> disagreements;
  private final long[] dealIds;
  /** The verdict of each deal of {@link #dealIds}; equal verdicts are one shared instance. */
  private final DealVerdict[] verdicts;

  private EpochAggregate(long epoch, boolean audited, int threshold, List<Address> counted,
      List<ReportRejection> rejections, List<Disagreement> disagreements, long[] dealIds, DealVerdict[] verdicts) {
    this.epoch = epoch;
    this.audited = audited;
    this.unreported = DealVerdict.audited(threshold, 0, 0, 0);
    this.counted = List.copyOf(counted);
    this.rejections = List.copyOf(rejections);
    this.disagreements = List.copyOf(disagreements);
    this.dealIds = dealIds;
    this.verdicts = verdicts;
  }

  static EpochAggregate beaconMissing(long epoch, List<ReportRejection> rejections) {
    return new EpochAggregate(epoch, false, 1, List.of(), rejections, List.of(), new long[0], new DealVerdict[0]);
  }

  /** Counts the accepted reports (one per verifier, given in ascending verifier order). */
  static EpochAggregate counted(long epoch, int threshold, Map<Address, SignedReport> reports,
      List<ReportRejection> rejections) {
    long[] ids = new long[0];
    for (SignedReport r : reports.values()) {
      ids = union(ids, r.results());
    }
    int[] tallies = new int[3 * ids.length];
    for (SignedReport r : reports.values()) {
      int j = 0;
      for (DealResult result : r.results()) {
        j = indexFrom(ids, j, result.dealId());
        tallies[3 * j + result.outcome().code() - 1]++;
      }
    }
    DealVerdict[] verdicts = new DealVerdict[ids.length];
    Map<List<Integer>, DealVerdict> shared = new HashMap<>();
    for (int j = 0; j < ids.length; j++) {
      int pass = tallies[3 * j];
      int fail = tallies[3 * j + 1];
      int unreachable = tallies[3 * j + 2];
      verdicts[j] = shared.computeIfAbsent(List.of(pass, fail, unreachable),
          k -> DealVerdict.audited(threshold, pass, fail, unreachable));
    }
    List<Disagreement> disagreements = new ArrayList<>();
    for (Map.Entry<Address, SignedReport> counted : reports.entrySet()) {
      int j = 0;
      for (DealResult result : counted.getValue().results()) {
        j = indexFrom(ids, j, result.dealId());
        AuditOutcome aggregated = verdicts[j].outcome();
        if (result.outcome() != aggregated) {
          disagreements.add(new Disagreement(result.dealId(), counted.getKey(), result.outcome(), aggregated));
        }
      }
    }
    disagreements.sort(Disagreement.ORDER);
    return new EpochAggregate(epoch, true, threshold, List.copyOf(reports.keySet()), rejections, disagreements, ids,
        verdicts);
  }

  public long epoch() {
    return epoch;
  }

  /** False when the epoch's beacon was never recorded: then every deal's verdict is PASS (BEACON_MISSING). */
  public boolean audited() {
    return audited;
  }

  /** The verifiers whose report counted, ascending. */
  public List<Address> countedVerifiers() {
    return counted;
  }

  public List<ReportRejection> rejections() {
    return rejections;
  }

  /** Sorted by deal id, then verifier. */
  public List<Disagreement> disagreements() {
    return disagreements;
  }

  /** The deal's verdict; a deal no counted verifier reported on is UNREACHABLE with zero counts. */
  public DealVerdict verdict(long dealId) {
    if (!audited) {
      return DealVerdict.BEACON_MISSING;
    }
    int i = Arrays.binarySearch(dealIds, dealId);
    return i >= 0 ? verdicts[i] : unreported;
  }

  private static int indexFrom(long[] ids, int from, long id) {
    int j = from;
    while (ids[j] != id) {
      j++;
    }
    return j;
  }

  /** The sorted union of sorted distinct ids and the (sorted, distinct) deal ids of some results. */
  private static long[] union(long[] a, List<DealResult> results) {
    long[] out = new long[a.length + results.size()];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < results.size()) {
      long next = j == results.size() ? a[i] : i == a.length ? results.get(j).dealId()
          : Math.min(a[i], results.get(j).dealId());
      if (i < a.length && a[i] == next) {
        i++;
      }
      if (j < results.size() && results.get(j).dealId() == next) {
        j++;
      }
      out[n++] = next;
    }
    return Arrays.copyOf(out, n);
  }
}
