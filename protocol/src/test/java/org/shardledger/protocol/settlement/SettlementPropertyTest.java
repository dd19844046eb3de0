package org.shardledger.protocol.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.Reports;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.payout.PayoutTree;

class SettlementPropertyTest {
  private static final SettlementRules RULES = new SettlementRules(SettlementConfig.DEFAULT, Reports.DOMAIN);

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  /** Settles a scenario on a schedule; with a shuffler, every input list and map comes in another order. */
  private static List<SettlementResult> run(Scenario s, List<Long> schedule, Random shuffler) {
    SettlementState state = SettlementState.genesis();
    Map<Address, BigInteger> stakes = new HashMap<>(s.stakes());
    List<SettlementResult> results = new ArrayList<>();
    for (long target : schedule) {
      List<Deal> deals = new ArrayList<>(s.deals().stream().filter(d -> s.visibleFrom().get(d.id()) <= target)
          .toList());
      List<EpochAudits> audits = new ArrayList<>(s.audits().subList((int) state.nextEpoch(), (int) target + 1));
      Map<Address, BigInteger> stakesGiven = new LinkedHashMap<>(stakes);
      if (shuffler != null) {
        Collections.shuffle(deals, shuffler);
        Collections.shuffle(audits, shuffler);
        audits.replaceAll(a -> {
          List<SignedReport> reports = new ArrayList<>(a.reports());
          Collections.shuffle(reports, shuffler);
          return new EpochAudits(a.epoch(), a.beaconRecorded(), reports);
        });
        List<Address> keys = new ArrayList<>(stakes.keySet());
        Collections.shuffle(keys, shuffler);
        stakesGiven.clear();
        keys.forEach(k -> stakesGiven.put(k, stakes.get(k)));
      }
      SettlementResult result = RULES.settle(state, new SettlementInput(target, deals, stakesGiven,
          Reports.TWO_OF_THREE, audits));
      checkSettlement(state, result, stakes);
      result.slashes().forEach(x -> stakes.merge(x.operator(), x.amount().negate(), BigInteger::add));
      state = result.state();
      results.add(result);
    }
    return results;
  }

  private static void checkSettlement(SettlementState before, SettlementResult result,
      Map<Address, BigInteger> stakes) {
    SettlementState after = result.state();
    // Paid + refunded + held + not yet settled is exactly the escrow; so paid + refunded + held never exceeds it.
    assertThat(after.cumulativeTotal().add(after.held()).add(after.unsettled())).isEqualTo(after.escrowed());
    assertThat(after.cumulativeTotal().add(after.held())).isLessThanOrEqualTo(after.escrowed());
    // No account's cumulative amount ever decreases.
    before.cumulative().forEach((account, amount) ->
        assertThat(after.cumulativeOf(account)).isGreaterThanOrEqualTo(amount));
    // A slash is positive and never exceeds the stake; slashes come sorted by operator.
    for (Slash slash : result.slashes()) {
      assertThat(slash.amount()).isPositive().isLessThanOrEqualTo(stakes.get(slash.operator()));
    }
    assertThat(result.slashes()).isSortedAccordingTo((a, b) -> a.operator().compareTo(b.operator()));
    // The settlement is what the state says.
    assertThat(result.settlement().payoutRoot()).isEqualTo(PayoutTree.of(after.cumulative()).root());
    assertThat(result.settlement().cumulativeTotal())
        .isEqualTo(after.cumulative().values().stream().reduce(BigInteger.ZERO, BigInteger::add));
    assertThat(result.settlement().slashesHash()).isEqualTo(Slash.hash(result.slashes()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void escrowIsConservedAndFullyPaidOrRefundedOnceEveryDealHasEnded(long seed) {
    Scenario s = Scenario.generate(seed);
    List<SettlementResult> results = run(s, s.schedule(new Random(seed)), null);
    SettlementState end = results.getLast().state();
    assertThat(end.held()).isZero();
    assertThat(end.unsettled()).isZero();
    assertThat(end.escrowed()).isEqualTo(s.totalPrice());
    assertThat(end.cumulativeTotal()).isEqualTo(s.totalPrice());
    assertThat(end.deals()).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSameInputsInAnotherOrderGiveTheSameSettlements(long seed) {
    Scenario s = Scenario.generate(seed);
    List<Long> schedule = s.schedule(new Random(seed));
    List<SettlementResult> ordered = run(s, schedule, null);
    List<SettlementResult> shuffled = run(s, schedule, new Random(~seed));
    for (int i = 0; i < ordered.size(); i++) {
      assertThat(shuffled.get(i).settlement()).isEqualTo(ordered.get(i).settlement());
      assertThat(shuffled.get(i).slashes()).isEqualTo(ordered.get(i).slashes());
      assertThat(shuffled.get(i).entries()).isEqualTo(ordered.get(i).entries());
      for (int j = 0; j < ordered.get(i).audits().size(); j++) {
        assertThat(shuffled.get(i).audits().get(j).rejections())
            .isEqualTo(ordered.get(i).audits().get(j).rejections());
        assertThat(shuffled.get(i).audits().get(j).disagreements())
            .isEqualTo(ordered.get(i).audits().get(j).disagreements());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void settlingWithGapsEndsWhereSettlingEveryEpochEnds(long seed) {
    Scenario s = Scenario.generate(seed).allVisible();
    List<Long> everyEpoch = new ArrayList<>();
    for (long e = 0; e < s.epochs(); e++) {
      everyEpoch.add(e);
    }
    List<SettlementResult> stepwise = run(s, everyEpoch, null);
    List<SettlementResult> gaps = run(s, s.schedule(new Random(seed)), null);
    // Slashes are grouped per settle call, so only the payout side of the last settlement must be equal.
    var last = gaps.getLast().settlement();
    var reference = stepwise.getLast().settlement();
    assertThat(last.epoch()).isEqualTo(reference.epoch());
    assertThat(last.payoutRoot()).isEqualTo(reference.payoutRoot());
    assertThat(last.cumulativeTotal()).isEqualTo(reference.cumulativeTotal());
    assertThat(totalSlashed(gaps)).isEqualTo(totalSlashed(stepwise));
  }

  private static Map<Address, BigInteger> totalSlashed(List<SettlementResult> results) {
    Map<Address, BigInteger> total = new HashMap<>();
    results.forEach(r -> r.slashes().forEach(x -> total.merge(x.operator(), x.amount(), BigInteger::add)));
    return total;
  }
}
