package org.shardledger.protocol.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.protocol.aggregation.Reports.V1;
import static org.shardledger.protocol.aggregation.Reports.V2;
import static org.shardledger.protocol.aggregation.Reports.V3;
import static org.shardledger.protocol.audit.AuditOutcome.FAIL;
import static org.shardledger.protocol.audit.AuditOutcome.PASS;
import static org.shardledger.protocol.audit.AuditOutcome.UNREACHABLE;
import static org.shardledger.protocol.settlement.Deals.OPERATOR;
import static org.shardledger.protocol.settlement.Deals.OWNER;
import static org.shardledger.protocol.settlement.Deals.big;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.Reports;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;

/** The operator's month of docs/economics.md, figure for figure. */
class WorkedExampleTest {
  private static final Deal DEAL = Deals.deal(1, 100, 0, 29);
  private final SettlementRules rules = new SettlementRules(SettlementConfig.DEFAULT, Reports.DOMAIN);
  private SettlementState state = SettlementState.genesis();
  private BigInteger stake = big(5000);
  private BigInteger slashed = BigInteger.ZERO;

  private static EpochAudits epoch(long e, AuditOutcome v1, AuditOutcome v2, AuditOutcome v3) {
    List<SignedReport> reports = new ArrayList<>();
    Map<KeyPair, AuditOutcome> seen = Map.of(V1, v1, V2, v2, V3, v3);
    seen.forEach((v, o) -> reports.add(Reports.signed(v, e, o, 1)));
    return EpochAudits.of(e, reports);
  }

  private static EpochAudits all(long e, AuditOutcome o) {
    return epoch(e, o, o, o);
  }

  private SettlementResult settle(long through, Map<Long, EpochAudits> audits) {
    List<EpochAudits> range = new ArrayList<>();
    for (long e = state.nextEpoch(); e <= through; e++) {
      range.add(audits.get(e));
    }
    SettlementResult r = rules.settle(state, new SettlementInput(through, List.of(DEAL), Map.of(OPERATOR, stake),
        Reports.TWO_OF_THREE, range));
    for (Slash s : r.slashes()) {
      stake = stake.subtract(s.amount());
      slashed = slashed.add(s.amount());
    }
    state = r.state();
    return r;
  }

  @Test
  void anOperatorsMonth() {
    Map<Long, EpochAudits> audits = new HashMap<>();
    for (long e = 0; e < 30; e++) {
      audits.put(e, all(e, PASS));
    }
    audits.put(10L, all(10, UNREACHABLE));            // the operator's uplink is down
    audits.put(11L, all(11, UNREACHABLE));
    audits.put(13L, epoch(13, PASS, PASS, FAIL));       // V3 lies
    audits.put(14L, EpochAudits.beaconMissing(14));     // nobody recorded the beacon
    audits.put(20L, all(20, FAIL));                     // a disk died: the signed proof does not verify
    audits.put(26L, all(26, UNREACHABLE));              // the node is gone for good
    audits.put(27L, all(27, UNREACHABLE));
    audits.put(28L, all(28, UNREACHABLE));

    for (long e = 0; e <= 9; e++) {
      settle(e, audits);
    }
    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(1000));
    settle(11, audits);
    assertThat(state.held()).isEqualTo(big(200));
    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(1000));
    settle(12, audits);
    assertThat(state.held()).isZero();
    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(1300));
    SettlementResult lie = settle(13, audits);
    assertThat(lie.audits().getFirst().disagreements()).hasSize(1);
    settle(19, audits);                                  // one settlement for epochs 14..19
    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(2000));
    assertThat(slashed).isZero();

    SettlementResult fail = settle(20, audits);
    assertThat(fail.slashes()).containsExactly(new Slash(OPERATOR, big(1000)));
    assertThat(state.cumulativeOf(OWNER)).isEqualTo(big(100));
    for (long e = 21; e <= 27; e++) {
      settle(e, audits);
    }
    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(2500));
    assertThat(state.held()).isEqualTo(big(200));
    SettlementResult end = settle(28, audits);
    assertThat(end.entries().getFirst().events()).containsExactly(
        new DealEvent.Failed(DealEvent.FailCause.GRACE_EXPIRED, OWNER, big(100), OPERATOR, big(1000), big(1000), 2),
        new DealEvent.HeldRefunded(DealEvent.RefundCause.DEAL_FAILED, OWNER, big(200), 2),
        new DealEvent.Terminated(OWNER, big(100), 1));
    settle(29, audits);

    assertThat(state.cumulativeOf(OPERATOR)).isEqualTo(big(2500));
    assertThat(state.cumulativeOf(OWNER)).isEqualTo(big(500));
    assertThat(state.cumulativeTotal()).isEqualTo(DEAL.totalPrice());
    assertThat(slashed).isEqualTo(big(2000));
    assertThat(stake).isEqualTo(big(3000));
  }
}
