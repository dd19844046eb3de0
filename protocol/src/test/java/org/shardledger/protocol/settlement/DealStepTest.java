package org.shardledger.protocol.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shardledger.protocol.settlement.Deals.OPERATOR;
import static org.shardledger.protocol.settlement.Deals.OWNER;
import static org.shardledger.protocol.settlement.Deals.big;
import static org.shardledger.protocol.settlement.Deals.deal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.aggregation.DealVerdict;
import org.shardledger.protocol.settlement.DealEvent.FailCause;
import org.shardledger.protocol.settlement.DealEvent.RefundCause;

class DealStepTest {
  private static final DealVerdict PASS = DealVerdict.audited(2, 3, 0, 0);
  private static final DealVerdict FAIL = DealVerdict.audited(2, 0, 2, 1);
  private static final DealVerdict UNREACHABLE = DealVerdict.audited(2, 1, 0, 2);
  private static final SettlementConfig CONFIG = SettlementConfig.DEFAULT;

  private final StakeBook stakes = new StakeBook(Map.of(OPERATOR, big(10_000)));
  private final List<DealEvent> events = new ArrayList<>();

  private DealState run(DealState state, DealVerdict... verdicts) {
    for (DealVerdict v : verdicts) {
      DealStep.Result r = DealStep.apply(state, state.nextEpoch(), v, CONFIG, stakes);
      events.addAll(r.events());
      state = r.next();
    }
    return state;
  }

  @Test
  void aPassedEpochPaysItsPriceToTheOperator() {
    DealState s = run(DealState.start(deal(1, 100, 0, 9)), PASS);
    assertThat(events).containsExactly(new DealEvent.Paid(OPERATOR, big(100)));
    assertThat(s).isEqualTo(new DealState(s.deal(), 1, 0, 0, false));
  }

  @Test
  void anUnauditedEpochPaysAsPass() {
    run(DealState.start(deal(1, 100, 0, 9)), DealVerdict.BEACON_MISSING, DealVerdict.NOT_AUDITED);
    assertThat(events).containsExactly(new DealEvent.Paid(OPERATOR, big(100)), new DealEvent.Paid(OPERATOR, big(100)));
  }

  @Test
  void unreachableHoldsThePriceAndALaterPassWithinTheGraceReleasesIt() {
    DealState s = run(DealState.start(deal(1, 100, 0, 9)), UNREACHABLE, UNREACHABLE);
    assertThat(s.held()).isEqualTo(big(200));
    assertThat(events).containsExactly(new DealEvent.Held(big(100), 1), new DealEvent.Held(big(100), 2));
    events.clear();
    s = run(s, PASS);
    assertThat(events).containsExactly(new DealEvent.Paid(OPERATOR, big(100)),
        new DealEvent.Released(OPERATOR, big(200), 2));
    assertThat(s.heldEpochs()).isZero();
    assertThat(s.fails()).isZero();
    assertThat(stakes.slashes()).isEmpty();
  }

  @Test
  void unreachablePastTheGraceFailsOnceAndRefundsEveryHeldEpochToTheOwner() {
    DealState s = run(DealState.start(deal(1, 100, 0, 9)), UNREACHABLE, UNREACHABLE, UNREACHABLE);
    assertThat(events).containsExactly(new DealEvent.Held(big(100), 1), new DealEvent.Held(big(100), 2),
        new DealEvent.Failed(FailCause.GRACE_EXPIRED, OWNER, big(100), OPERATOR, big(1000), big(1000), 1),
        new DealEvent.HeldRefunded(RefundCause.DEAL_FAILED, OWNER, big(200), 2));
    assertThat(s).isEqualTo(new DealState(s.deal(), 3, 0, 1, false));
    assertThat(stakes.slashes()).containsExactly(new Slash(OPERATOR, big(1000)));
  }

  @Test
  void aFailedEpochRefundsTheOwnerAndSlashesTenTimesThePrice() {
    DealState s = run(DealState.start(deal(1, 100, 0, 9)), PASS, FAIL);
    assertThat(events).containsExactly(new DealEvent.Paid(OPERATOR, big(100)),
        new DealEvent.Failed(FailCause.REPORTED, OWNER, big(100), OPERATOR, big(1000), big(1000), 1));
    assertThat(s.fails()).isEqualTo(1);
    assertThat(s.terminated()).isFalse();
  }

  @Test
  void aFailAfterHeldEpochsRefundsThemToo() {
    run(DealState.start(deal(1, 100, 0, 9)), UNREACHABLE, FAIL);
    assertThat(events).endsWith(
        new DealEvent.Failed(FailCause.REPORTED, OWNER, big(100), OPERATOR, big(1000), big(1000), 1),
        new DealEvent.HeldRefunded(RefundCause.DEAL_FAILED, OWNER, big(100), 1));
  }

  @Test
  void maxFailsEndsTheDealAndReturnsTheRemainingEscrowToTheOwner() {
    DealState s = run(DealState.start(deal(1, 100, 0, 9)), FAIL, PASS, FAIL);
    assertThat(events).endsWith(
        new DealEvent.Failed(FailCause.REPORTED, OWNER, big(100), OPERATOR, big(1000), big(1000), 2),
        new DealEvent.Terminated(OWNER, big(700), 7));
    assertThat(s.terminated()).isTrue();
    assertThat(s.closed()).isTrue();
    assertThat(s.unsettled()).isZero();
    assertThatThrownBy(() -> DealStep.apply(DealState.start(deal(1, 100, 0, 9)), 3, PASS, CONFIG, stakes))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSlashIsCappedByWhatIsLeftOfTheStake() {
    StakeBook small = new StakeBook(Map.of(OPERATOR, big(1500)));
    DealStep.Result first = DealStep.apply(DealState.start(deal(1, 100, 0, 9)), 0, FAIL, CONFIG, small);
    DealStep.Result second = DealStep.apply(DealState.start(deal(2, 100, 0, 9)), 0, FAIL, CONFIG, small);
    DealStep.Result third = DealStep.apply(DealState.start(deal(3, 100, 0, 9)), 0, FAIL, CONFIG, small);
    assertThat(((DealEvent.Failed) first.events().getFirst()).slashed()).isEqualTo(big(1000));
    assertThat(((DealEvent.Failed) second.events().getFirst()).slashed()).isEqualTo(big(500));
    assertThat(((DealEvent.Failed) third.events().getFirst()).slashed()).isZero();
    assertThat(small.slashes()).containsExactly(new Slash(OPERATOR, big(1500)));
  }

  @Test
  void heldEscrowReturnsToTheOwnerWithoutASlashWhenThePeriodEnds() {
    DealState s = run(DealState.start(deal(1, 100, 0, 2)), PASS, UNREACHABLE, UNREACHABLE);
    assertThat(events).endsWith(new DealEvent.Held(big(100), 2),
        new DealEvent.HeldRefunded(RefundCause.PERIOD_ENDED, OWNER, big(200), 2));
    assertThat(s.closed()).isTrue();
    assertThat(s.held()).isZero();
    assertThat(s.terminated()).isFalse();
    assertThat(stakes.slashes()).isEmpty();
  }

  @Test
  void aGraceOfOneFailsAtTheFirstUnreachableEpoch() {
    SettlementConfig strict = new SettlementConfig(1, 2, 10);
    DealStep.Result r = DealStep.apply(DealState.start(deal(1, 100, 0, 9)), 0, UNREACHABLE, strict, stakes);
    assertThat(r.events()).containsExactly(
        new DealEvent.Failed(FailCause.GRACE_EXPIRED, OWNER, big(100), OPERATOR, big(1000), big(1000), 1));
  }

  @Test
  void everyEpochOfADealEndsUpPaidOrRefunded() {
    DealState s = DealState.start(deal(1, 7, 0, 5));
    s = run(s, UNREACHABLE, PASS, UNREACHABLE, UNREACHABLE, UNREACHABLE, PASS);
    BigInteger credited = events.stream().flatMap(e -> e.credit().stream()).map(DealEvent.Credit::amount)
        .reduce(BigInteger.ZERO, BigInteger::add);
    assertThat(credited).isEqualTo(s.deal().totalPrice());
  }
}
