package org.shardledger.protocol.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shardledger.protocol.aggregation.Reports.DOMAIN;
import static org.shardledger.protocol.aggregation.Reports.TWO_OF_THREE;
import static org.shardledger.protocol.aggregation.Reports.V1;
import static org.shardledger.protocol.aggregation.Reports.V2;
import static org.shardledger.protocol.aggregation.Reports.V3;
import static org.shardledger.protocol.audit.AuditOutcome.FAIL;
import static org.shardledger.protocol.audit.AuditOutcome.PASS;
import static org.shardledger.protocol.audit.AuditOutcome.UNREACHABLE;
import static org.shardledger.protocol.settlement.Deals.OPERATOR;
import static org.shardledger.protocol.settlement.Deals.OWNER;
import static org.shardledger.protocol.settlement.Deals.big;
import static org.shardledger.protocol.settlement.Deals.deal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.aggregation.Disagreement;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.RejectionReason;
import org.shardledger.protocol.aggregation.Reports;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerdictBasis;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.protocol.settlement.DealEvent.FailCause;

class SettlementRulesTest {
  private static final Map<Address, BigInteger> STAKE = Map.of(OPERATOR, big(100_000));

  private final SettlementRules rules = new SettlementRules(SettlementConfig.DEFAULT, DOMAIN);
  private SettlementState state = SettlementState.genesis();

  private SettlementResult settle(long epoch, List<Deal> deals, EpochAudits... audits) {
    SettlementResult result = rules.settle(state, new SettlementInput(epoch, deals, STAKE, TWO_OF_THREE,
        List.of(audits)));
    state = result.state();
    return result;
  }

  /** Each listed verifier reports {@code outcome} for the deal. */
  private static EpochAudits audits(long epoch, long dealId, AuditOutcome outcome, KeyPair... verifiers) {
    List<SignedReport> reports = new ArrayList<>();
    for (KeyPair v : verifiers) {
      reports.add(Reports.signed(v, epoch, outcome, dealId));
    }
    return EpochAudits.of(epoch, reports);
  }

  private static EpochAudits allPass(long epoch, long dealId) {
    return audits(epoch, dealId, PASS, V1, V2, V3);
  }

  @Test
  void anHonestOperatorEarnsThePriceOfEveryEpoch() {
    Deal deal = deal(1, 250, 0, 9);
    SettlementResult last = null;
    for (long e = 0; e <= 9; e++) {
      last = settle(e, List.of(deal), allPass(e, 1));
      assertThat(last.state().cumulativeOf(OPERATOR)).isEqualTo(big(250 * (e + 1)));
    }
    assertThat(last.settlement().epoch()).isEqualTo(9);
    assertThat(last.settlement().cumulativeTotal()).isEqualTo(deal.totalPrice());
    assertThat(last.settlement().payoutRoot()).isEqualTo(PayoutTree.of(Map.of(OPERATOR, big(2500))).root());
    assertThat(last.settlement().slashesHash()).isEqualTo(Keccak256.hash(new byte[0]));
    assertThat(last.slashes()).isEmpty();
    assertThat(state.deals()).isEmpty();
    assertThat(state.escrowed()).isEqualTo(deal.totalPrice());
  }

  @Test
  void withOneVerifierOfflineTheEpochStillSettles() {
    SettlementResult r = settle(0, List.of(deal(1, 100, 0, 9)), audits(0, 1, PASS, V1, V3));
    assertThat(r.state().cumulativeOf(OPERATOR)).isEqualTo(big(100));
    assertThat(r.audits().getFirst().countedVerifiers()).containsExactly(V1.address(), V3.address());
  }

  @Test
  void aLyingVerifierNeitherCostsTheHonestOperatorNorGoesUnrecorded() {
    EpochAudits lie = EpochAudits.of(0, List.of(Reports.signed(V1, 0, PASS, 1), Reports.signed(V2, 0, PASS, 1),
        Reports.signed(V3, 0, FAIL, 1)));
    SettlementResult r = settle(0, List.of(deal(1, 100, 0, 9)), lie);
    assertThat(r.state().cumulativeOf(OPERATOR)).isEqualTo(big(100));
    assertThat(r.state().cumulativeOf(OWNER)).isZero();
    assertThat(r.slashes()).isEmpty();
    assertThat(r.audits().getFirst().disagreements()).containsExactly(new Disagreement(1, V3.address(), FAIL, PASS));
  }

  @Test
  void aReportWithABadSignatureIsIgnored() {
    SignedReport fail = Reports.signed(V2, 0, FAIL, 1);
    SignedReport forged = new SignedReport(fail.report(), Reports.signed(V1, 0, PASS, 1).signature(),
        fail.results());
    SettlementResult r = settle(0, List.of(deal(1, 100, 0, 9)),
        EpochAudits.of(0, List.of(forged, Reports.signed(V3, 0, FAIL, 1))));
    assertThat(r.slashes()).isEmpty();
    assertThat(r.held()).isEqualTo(big(100));
    assertThat(r.audits().getFirst().rejections()).extracting(x -> x.reason())
        .containsExactly(RejectionReason.NOT_A_VERIFIER);
  }

  @Test
  void anOperatorThatLostTheDataIsSlashedAndTheDealEndsAfterMaxFails() {
    Deal deal = deal(1, 100, 0, 9);
    settle(0, List.of(deal), allPass(0, 1));
    SettlementResult first = settle(1, List.of(deal), audits(1, 1, FAIL, V1, V2, V3));
    assertThat(first.slashes()).containsExactly(new Slash(OPERATOR, big(1000)));
    assertThat(first.state().cumulativeOf(OWNER)).isEqualTo(big(100));
    SettlementResult second = settle(2, List.of(deal), audits(2, 1, FAIL, V1, V2));
    assertThat(second.slashes()).containsExactly(new Slash(OPERATOR, big(1000)));
    assertThat(second.state().cumulativeOf(OWNER)).isEqualTo(big(100 + 100 + 700));
    assertThat(second.entries().getFirst().events()).last().isEqualTo(new DealEvent.Terminated(OWNER, big(700), 7));
    assertThat(second.settlement().cumulativeTotal()).isEqualTo(deal.totalPrice());

    SettlementResult after = settle(3, List.of(deal), allPass(3, 1));
    assertThat(after.entries()).isEmpty();
    assertThat(after.state().cumulativeOf(OPERATOR)).isEqualTo(big(100));
    assertThat(after.settlement().payoutRoot()).isEqualTo(second.settlement().payoutRoot());
  }

  @Test
  void unreachableThenBackWithinTheGracePaysEveryEpoch() {
    Deal deal = deal(1, 100, 0, 9);
    settle(0, List.of(deal), audits(0, 1, UNREACHABLE, V1, V2, V3));
    SettlementResult held = settle(1, List.of(deal), EpochAudits.of(1, List.of()));
    assertThat(held.held()).isEqualTo(big(200));
    assertThat(held.settlement().cumulativeTotal()).isZero();
    SettlementResult back = settle(2, List.of(deal), allPass(2, 1));
    assertThat(back.held()).isZero();
    assertThat(back.state().cumulativeOf(OPERATOR)).isEqualTo(big(300));
    assertThat(back.slashes()).isEmpty();
  }

  @Test
  void unreachablePastTheGraceFailsAndRefundsTheOwner() {
    Deal deal = deal(1, 100, 0, 9);
    SettlementResult r = settle(2, List.of(deal), EpochAudits.of(0, List.of()), EpochAudits.of(1, List.of()),
        audits(2, 1, UNREACHABLE, V1, V2, V3));
    assertThat(r.state().cumulativeOf(OWNER)).isEqualTo(big(300));
    assertThat(r.slashes()).containsExactly(new Slash(OPERATOR, big(1000)));
    assertThat(r.entries().get(2).events().getFirst()).isInstanceOfSatisfying(DealEvent.Failed.class,
        f -> assertThat(f.cause()).isEqualTo(FailCause.GRACE_EXPIRED));
  }

  @Test
  void anEpochWhoseBeaconWasNeverRecordedPaysAsPass() {
    SettlementResult r = settle(0, List.of(deal(1, 100, 0, 9)),
        new EpochAudits(0, false, List.of(Reports.signed(V1, 0, FAIL, 1), Reports.signed(V2, 0, FAIL, 1))));
    assertThat(r.state().cumulativeOf(OPERATOR)).isEqualTo(big(100));
    assertThat(r.slashes()).isEmpty();
    assertThat(r.entries().getFirst().verdict().basis()).isEqualTo(VerdictBasis.BEACON_MISSING);
  }

  @Test
  void settlingWithAGapGivesTheSameRootAsSettlingEveryEpoch() {
    List<Deal> deals = List.of(deal(1, 100, 0, 5), deal(2, OWNER, Deals.account(0xB2), 30, 1, 3));
    Map<Address, BigInteger> stakes = Map.of(OPERATOR, big(1500), Deals.account(0xB2), big(0));
    List<EpochAudits> audits = List.of(
        EpochAudits.of(0, List.of(Reports.signed(V1, 0, FAIL, 1), Reports.signed(V2, 0, FAIL, 1))),
        EpochAudits.of(1, List.of(Reports.signed(V1, 1, Map.of(1L, PASS, 2L, FAIL)),
            Reports.signed(V2, 1, Map.of(1L, PASS, 2L, FAIL)))),
        EpochAudits.of(2, List.of(Reports.signed(V1, 2, FAIL, 1, 2), Reports.signed(V3, 2, FAIL, 1, 2))),
        EpochAudits.beaconMissing(3));

    SettlementState stepwise = SettlementState.genesis();
    BigInteger slashedStepwise = BigInteger.ZERO;
    Map<Address, BigInteger> left = new java.util.HashMap<>(stakes);
    for (EpochAudits a : audits) {
      SettlementResult r = rules.settle(stepwise, new SettlementInput(a.epoch(), deals, left, TWO_OF_THREE,
          List.of(a)));
      for (Slash s : r.slashes()) {
        left.merge(s.operator(), s.amount().negate(), BigInteger::add);
        slashedStepwise = slashedStepwise.add(s.amount());
      }
      stepwise = r.state();
    }
    SettlementResult once = rules.settle(SettlementState.genesis(),
        new SettlementInput(3, deals, stakes, TWO_OF_THREE, audits));

    assertThat(once.state().cumulative()).isEqualTo(stepwise.cumulative());
    assertThat(once.settlement().payoutRoot()).isEqualTo(PayoutTree.of(stepwise.cumulative()).root());
    assertThat(once.slashes()).containsExactly(new Slash(OPERATOR, big(1500)));
    assertThat(slashedStepwise).isEqualTo(big(1500));
    assertThat(once.entries()).extracting(LedgerEntry::epoch).containsExactly(0L, 1L, 1L, 2L, 2L);
  }

  @Test
  void aDealSeenOnlyAfterItsFirstEpochsWereSettledIsPaidForThemAsUnaudited() {
    settle(1, List.of(), EpochAudits.of(0, List.of()), EpochAudits.of(1, List.of()));
    SettlementResult r = settle(2, List.of(deal(1, 100, 0, 9)), allPass(2, 1));
    assertThat(r.entries()).extracting(e -> e.verdict().basis())
        .containsExactly(VerdictBasis.NOT_AUDITED, VerdictBasis.NOT_AUDITED, VerdictBasis.AUDITED);
    assertThat(r.state().cumulativeOf(OPERATOR)).isEqualTo(big(300));
  }

  @Test
  void heldEscrowReturnsToTheOwnerWhenThePeriodEndsUnreachable() {
    SettlementResult r = settle(1, List.of(deal(1, 100, 0, 1)), allPass(0, 1), EpochAudits.of(1, List.of()));
    assertThat(r.state().cumulativeOf(OPERATOR)).isEqualTo(big(100));
    assertThat(r.state().cumulativeOf(OWNER)).isEqualTo(big(100));
    assertThat(r.held()).isZero();
    assertThat(r.slashes()).isEmpty();
    assertThat(r.settlement().cumulativeTotal()).isEqualTo(big(200));
  }

  @Test
  void inputsThatContradictTheStateAreBugs() {
    Deal deal = deal(1, 100, 0, 9);
    settle(0, List.of(deal), allPass(0, 1));
    assertThatThrownBy(() -> settle(2, List.of(deal), allPass(2, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly epochs 1..2");
    assertThatThrownBy(() -> settle(1, List.of(deal(1, 101, 0, 9)), allPass(1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed terms");
    assertThatThrownBy(() -> rules.settle(state, new SettlementInput(1, List.of(deal), Map.of(), TWO_OF_THREE,
        List.of(allPass(1, 1))))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stake");
    assertThatThrownBy(() -> settle(0, List.of(deal), allPass(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already settled");
  }
}
