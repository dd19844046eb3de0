package org.shardledger.protocol.settlement;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.Reports;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;

/** Settlement v2: fromEpoch and terminations in the signed settlement, and deals their owners end on chain. */
class SettlementV2RulesTest {
  private static final Map<Address, BigInteger> STAKE = Map.of(OPERATOR, big(100_000));

  private final SettlementRules rules = new SettlementRules(SettlementConfig.DEFAULT, DOMAIN);
  private SettlementState state = SettlementState.genesis();

  private SettlementResult settle(long epoch, List<Deal> deals, Map<Long, Long> ended, EpochAudits... audits) {
    SettlementResult result = rules.settle(state, new SettlementInput(epoch, deals, STAKE, TWO_OF_THREE,
        List.of(audits), ended));
    state = result.state();
    return result;
  }

  private static EpochAudits audits(long epoch, long dealId, AuditOutcome outcome) {
    List<SignedReport> reports = new ArrayList<>();
    for (KeyPair v : List.of(V1, V2, V3)) {
      reports.add(Reports.signed(v, epoch, outcome, dealId));
    }
    return EpochAudits.of(epoch, reports);
  }

  @Test
  void theSettlementNamesTheEpochItStartsFrom() {
    Deal deal = deal(1, 250, 0, 9);
    SettlementResult first = settle(1, List.of(deal), Map.of(), audits(0, 1, PASS), audits(1, 1, PASS));
    assertThat(first.settlement().fromEpoch()).isZero();
    SettlementResult second = settle(4, List.of(deal), Map.of(), audits(2, 1, PASS), audits(3, 1, PASS),
        audits(4, 1, PASS));
    assertThat(second.settlement().fromEpoch()).isEqualTo(2);
    assertThat(second.settlement().epoch()).isEqualTo(4);
    assertThat(second.terminations()).isEmpty();
    assertThat(second.settlement().terminationsHash()).isEqualTo(Terminations.hash(List.of()));
  }

  @Test
  void aDealTerminatedByMaxFailsIsNamedInTheSettlement() {
    Deal deal = deal(7, 100, 0, 9);
    Deal other = deal(3, 100, 0, 9);
    SettlementResult r = rules.settle(state, new SettlementInput(1, List.of(deal, other), STAKE, TWO_OF_THREE,
        List.of(EpochAudits.of(0, both(0, FAIL, PASS)), EpochAudits.of(1, both(1, FAIL, PASS)))));
    assertThat(r.terminations()).containsExactly(7L);
    assertThat(r.settlement().terminationsHash()).isEqualTo(Terminations.hash(List.of(7L)));
    assertThat(Terminations.hash(List.of(7L))).isNotEqualTo(Terminations.hash(List.of()));
  }

  private static List<SignedReport> both(long epoch, AuditOutcome seven, AuditOutcome three) {
    List<SignedReport> reports = new ArrayList<>();
    for (KeyPair v : List.of(V1, V2, V3)) {
      reports.add(Reports.signed(v, epoch, Map.of(7L, seven, 3L, three)));
    }
    return reports;
  }

  @Test
  void anOwnerEndedDealIsPaidThroughItsEndEpochAndTheRestIsRefunded() {
    Deal deal = deal(1, 250, 0, 9);
    settle(1, List.of(deal), Map.of(), audits(0, 1, PASS), audits(1, 1, PASS));
    // the owner ended it in epoch 3: epochs 2 and 3 are paid, 4 .. 9 go back to the owner
    SettlementResult r = settle(5, List.of(deal), Map.of(1L, 3L), audits(2, 1, PASS), audits(3, 1, PASS),
        audits(4, 1, PASS), audits(5, 1, PASS));
    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(250 * 4));
    assertThat(state.cumulativeOf(OWNER)).isEqualTo(big(250 * 6));
    assertThat(state.cumulativeTotal()).isEqualTo(deal.totalPrice());
    assertThat(r.entries()).anySatisfy(e -> assertThat(e.events()).anySatisfy(ev ->
        assertThat(ev).isEqualTo(new DealEvent.EndedByOwner(OWNER, big(250 * 6), 6, 3))));
    assertThat(r.terminations()).as("the chain already knows an owner's end").isEmpty();
    assertThat(state.deal(1).orElseThrow().closed()).isTrue();
  }

  @Test
  void anOwnerEndBeforeTheFirstEpochRefundsEverything() {
    Deal deal = deal(1, 250, 2, 5);
    settle(3, List.of(deal), Map.of(1L, 1L), EpochAudits.beaconMissing(0), EpochAudits.beaconMissing(1),
        audits(2, 1, PASS), audits(3, 1, PASS));
    assertThat(state.cumulativeOf(OPERATOR)).isZero();
    assertThat(state.cumulativeOf(OWNER)).isEqualTo(deal.totalPrice());
  }

  @Test
  void heldEscrowGoesBackToTheOwnerWhenItEndsTheDeal() {
    Deal deal = deal(1, 250, 0, 9);
    settle(3, List.of(deal), Map.of(1L, 2L), audits(0, 1, PASS), audits(1, 1, UNREACHABLE),
        audits(2, 1, UNREACHABLE), audits(3, 1, PASS));
    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(250));
    assertThat(state.cumulativeOf(OWNER)).isEqualTo(big(250 * 9));
  }

  @Test
  void anEndTheRulesReachedFirstChangesNothing() {
    Deal deal = deal(1, 250, 0, 9);
    SettlementResult terminated = settle(1, List.of(deal), Map.of(), audits(0, 1, FAIL), audits(1, 1, FAIL));
    assertThat(terminated.terminations()).containsExactly(1L);
    BigInteger owner = state.cumulativeOf(OWNER);
    settle(3, List.of(deal), Map.of(1L, 1L), audits(2, 1, PASS), audits(3, 1, PASS));
    assertThat(state.cumulativeOf(OWNER)).isEqualTo(owner);
  }
}
