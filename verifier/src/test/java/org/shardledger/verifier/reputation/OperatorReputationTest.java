package org.shardledger.verifier.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;

class OperatorReputationTest {
  static final ReputationModel MODEL = ReputationModel.STORJ_LIKE;
  static final Address OP = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

  @Test
  void aboutFortyOneStraightFailuresDisqualifyAPerfectRecord() {
    OperatorReputation r = MODEL.fresh(OP);
    for (int i = 0; i < 5000; i++) {
      r = r.apply(MODEL, AuditOutcome.PASS, i, 1, "valid").after();
    }
    assertThat(r.standing(MODEL)).isEqualTo(OperatorReputation.Standing.GOOD);
    int failures = 0;
    while (r.standing(MODEL) != OperatorReputation.Standing.DISQUALIFIED) {
      r = r.apply(MODEL, AuditOutcome.FAIL, 9999, 1, "bad path").after();
      failures++;
    }
    assertThat(failures).isBetween(38, 44);
  }

  @Test
  void unreachableNeverTouchesTheAuditScoreAndOnlySuspends() {
    OperatorReputation r = MODEL.fresh(OP);
    for (int i = 0; i < 200; i++) {
      r = r.apply(MODEL, AuditOutcome.UNREACHABLE, i, 1, "timeout").after();
    }
    assertThat(r.audit().score()).isEqualTo(1.0);
    assertThat(r.standing(MODEL)).isEqualTo(OperatorReputation.Standing.SUSPENDED);
    for (int i = 0; i < 100; i++) {
      r = r.apply(MODEL, AuditOutcome.PASS, i, 1, "valid").after();
    }
    assertThat(r.standing(MODEL)).as("back after answering again").isEqualTo(OperatorReputation.Standing.GOOD);
  }

  @Test
  void everyChangeSaysWhyAndHowMuch() {
    ReputationChange change = MODEL.fresh(OP).apply(MODEL, AuditOutcome.FAIL, 7, 3, "BAD_PATH: sample 2");
    assertThat(change.describe()).contains("FAIL in epoch 7 for deal 3").contains("BAD_PATH: sample 2")
        .contains("audit score 1.0000 -> 0.9990");
    assertThat(change.after().fails()).isEqualTo(1);
  }

  @Test
  void newOperatorsAreVettedFirst() {
    assertThat(MODEL.fresh(OP).standing(MODEL)).isEqualTo(OperatorReputation.Standing.VETTING);
  }
}
