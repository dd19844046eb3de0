package org.shardledger.chainstore.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.testkit.TestDomain;
import org.shardledger.testkit.PropertySeeds;
import org.shardledger.testkit.RandomAccounts;

/**
 * A random network history from one seed (docs/decisions/0001): deals over a few operators and owners, three
 * verifiers (2 of 3) that pass, fail or miss deals at random, missing beacons, and a settlement schedule with gaps.
 */
final class RandomHistory {
  static final Eip712Domain DOMAIN = TestDomain.DOMAIN;
  static final List<KeyPair> VERIFIERS = List.of(KeyPair.fromPrivateKey(BigInteger.valueOf(0x1001)),
      KeyPair.fromPrivateKey(BigInteger.valueOf(0x1002)), KeyPair.fromPrivateKey(BigInteger.valueOf(0x1003)));
  static final VerifierSet SET = new VerifierSet(Set.of(VERIFIERS.get(0).address(), VERIFIERS.get(1).address(),
      VERIFIERS.get(2).address()), 2);
  static final SettlementRules RULES = new SettlementRules(SettlementConfig.DEFAULT, DOMAIN);

  final List<Deal> deals = new ArrayList<>();
  final Map<Address, BigInteger> stakes = new HashMap<>();
  final List<EpochAudits> audits = new ArrayList<>();
  final List<Long> schedule = new ArrayList<>();

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  RandomHistory(long seed) {
    Random r = new Random(seed);
    int epochs = 4 + r.nextInt(10);
    List<Address> operators = accounts(r, 1 + r.nextInt(3));
    List<Address> owners = accounts(r, 1 + r.nextInt(3));
    operators.forEach(op -> stakes.put(op, BigInteger.valueOf(r.nextInt(3000))));
    for (int id = 1, n = 1 + r.nextInt(6); id <= n; id++) {
      int first = r.nextInt(epochs / 2 + 1);
      int last = first + r.nextInt(epochs - first);
      deals.add(new Deal(id, owners.get(r.nextInt(owners.size())), operators.get(r.nextInt(operators.size())),
          new ShardCommitment(Bytes32.ofUnsigned(id), 4096, 4096), 4, BigInteger.valueOf(r.nextInt(1000)), first,
          last));
    }
    for (int e = 0; e < epochs; e++) {
      if (r.nextInt(8) == 0) {
        audits.add(EpochAudits.beaconMissing(e));
        continue;
      }
      List<SignedReport> reports = new ArrayList<>();
      for (KeyPair v : VERIFIERS) {
        if (r.nextInt(6) == 0) {
          continue;
        }
        List<DealResult> results = new ArrayList<>();
        for (Deal d : deals) {
          if (d.covers(e)) {
            int x = r.nextInt(10);
            results.add(new DealResult(d.id(), x < 7 ? AuditOutcome.PASS : x < 9 ? AuditOutcome.UNREACHABLE
                : AuditOutcome.FAIL));
          }
        }
        AuditReport report = AuditResults.report(e, results);
        reports.add(new SignedReport(report, DOMAIN.sign(report, v), results));
      }
      audits.add(EpochAudits.of(e, reports));
    }
    for (int e = 0; e < epochs; e++) {
      if (e == epochs - 1 || r.nextInt(3) != 0) {
        schedule.add((long) e);
      }
    }
  }

  private static List<Address> accounts(Random r, int n) {
    return RandomAccounts.addresses(r, n);
  }

  /** Settles the target epoch from {@code state}, the way a ledger would (stakes shrink by earlier slashes). */
  SettlementResult settle(SettlementState state, long target) {
    List<Deal> visible = deals.stream().filter(d -> d.firstEpoch() <= target).toList();
    SettlementResult result = RULES.settle(state, new SettlementInput(target, visible, stakes, SET,
        audits.subList((int) state.nextEpoch(), (int) target + 1)));
    result.slashes().forEach(s -> stakes.merge(s.operator(), s.amount().negate(), BigInteger::add));
    return result;
  }
}
