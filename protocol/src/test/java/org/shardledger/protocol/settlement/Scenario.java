package org.shardledger.protocol.settlement;

import static org.shardledger.protocol.settlement.Deals.account;
import static org.shardledger.protocol.settlement.Deals.deal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.Reports;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;

/**
 * A random network history from one seed: deals (some seen only after their first epochs), operators that store,
 * drop off or lose data, verifiers that go offline or lie, forged reports, missing beacons, and stakes.
 *
 * @param visibleFrom per deal id, the first epoch from which the ledger passes the deal as active
 * @param epochs number of epochs; every deal ends before the last one is settled
 */
record Scenario(List<Deal> deals, Map<Long, Long> visibleFrom, Map<Address, BigInteger> stakes,
    List<EpochAudits> audits, int epochs) {
  private static final AuditOutcome[] OUTCOMES = AuditOutcome.values();
  /** Signing dominates generation; the three property tests share each seed's scenario. */
  private static final Map<Long, Scenario> GENERATED = new java.util.concurrent.ConcurrentHashMap<>();

  static Scenario generate(long seed) {
    return GENERATED.computeIfAbsent(seed, Scenario::create);
  }

  private static Scenario create(long seed) {
    Random r = new Random(seed);
    int epochs = 6 + r.nextInt(15);
    List<Address> operators = new ArrayList<>();
    List<Address> owners = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      operators.add(account(0xB0 + i));
    }
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      owners.add(r.nextInt(5) == 0 ? operators.get(r.nextInt(operators.size())) : account(0xA0 + i));
    }
    Map<Address, BigInteger> stakes = new HashMap<>();
    operators.forEach(op -> stakes.put(op, BigInteger.valueOf(r.nextInt(5000))));

    List<Deal> deals = new ArrayList<>();
    Map<Long, Long> visibleFrom = new HashMap<>();
    for (int id = 1, n = 1 + r.nextInt(8); id <= n; id++) {
      int first = r.nextInt(epochs / 2 + 1);
      int last = first + r.nextInt(epochs - first);
      long price = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(1000);
      deals.add(deal(id, owners.get(r.nextInt(owners.size())), operators.get(r.nextInt(operators.size())), price,
          first, last));
      long seen = r.nextInt(7) == 0 ? Math.min(last, first + 1 + r.nextInt(2)) : Math.max(0, first - r.nextInt(3));
      visibleFrom.put((long) id, seen);
    }

    List<EpochAudits> audits = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      if (r.nextInt(10) == 0) {
        audits.add(EpochAudits.beaconMissing(e));
        continue;
      }
      Map<Long, AuditOutcome> truth = new HashMap<>();
      for (Deal d : deals) {
        if (d.covers(e)) {
          int x = r.nextInt(10);
          truth.put(d.id(), x < 7 ? AuditOutcome.PASS : x < 9 ? AuditOutcome.UNREACHABLE : AuditOutcome.FAIL);
        }
      }
      List<SignedReport> reports = new ArrayList<>();
      for (KeyPair v : List.of(Reports.V1, Reports.V2, Reports.V3)) {
        if (r.nextInt(7) == 0) {
          continue; // offline
        }
        Map<Long, AuditOutcome> seen = new HashMap<>(truth);
        seen.replaceAll((id, o) -> r.nextInt(10) == 0 ? OUTCOMES[r.nextInt(3)] : o); // lies and mistakes
        reports.add(Reports.signed(v, e, seen));
        if (r.nextInt(20) == 0) {
          reports.add(reports.getLast()); // a copy: counts once
        } else if (r.nextInt(20) == 0 && !seen.isEmpty()) {
          seen.replaceAll((id, o) -> AuditOutcome.FAIL);
          reports.add(Reports.signed(v, e, seen)); // equivocation: none of its reports counts
        }
      }
      if (r.nextInt(10) == 0) {
        Map<Long, AuditOutcome> allFail = new HashMap<>(truth);
        allFail.replaceAll((id, o) -> AuditOutcome.FAIL);
        SignedReport outsider = Reports.signed(Reports.OUTSIDER, e, allFail);
        reports.add(outsider);
        if (!reports.isEmpty()) {
          reports.add(new SignedReport(outsider.report(), reports.getFirst().signature(), outsider.results()));
        }
      }
      audits.add(EpochAudits.of(e, reports));
    }
    return new Scenario(deals, visibleFrom, stakes, audits, epochs);
  }

  /** Settlement targets: every epoch, or random gaps, always ending with the last epoch. */
  List<Long> schedule(Random r) {
    List<Long> targets = new ArrayList<>();
    for (long e = r.nextInt(3); e < epochs - 1; e += 1 + r.nextInt(4)) {
      targets.add(e);
    }
    targets.add((long) epochs - 1);
    return targets;
  }

  /** The same history with every deal known from the start (settling with gaps then changes nothing). */
  Scenario allVisible() {
    Map<Long, Long> all = new HashMap<>();
    deals.forEach(d -> all.put(d.id(), 0L));
    return new Scenario(deals, all, stakes, audits, epochs);
  }

  BigInteger totalPrice() {
    return deals.stream().map(Deal::totalPrice).reduce(BigInteger.ZERO, BigInteger::add);
  }
}
