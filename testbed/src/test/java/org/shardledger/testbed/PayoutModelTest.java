package org.shardledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * The independent model's payouts from the verdicts the network reached. The first case is the violation the 600-s
 * run with seed 190 reported: the model owed an honest operator all 65 epochs of its deal, the chain credited 64,
 * because the deal's last epoch was UNREACHABLE and its price went back to the owner (decision 0032) — the model's
 * premise that every epoch is paid was wrong, the network was right.
 */
class PayoutModelTest {
  private static final KeyPair OPERATOR = DevAccounts.key(1);
  private static final BigInteger PRICE = BigInteger.TEN;

  private static PayoutModel model(long first, long last) {
    return new PayoutModel(List.of(new TestbedNetwork.OwnerDeal(7, OPERATOR, PRICE, first, last)), 3);
  }

  private static Map<Long, Map<Long, Verdict>> verdicts(long first, long last, Map<Long, String> notPass) {
    Map<Long, Verdict> byEpoch = new HashMap<>();
    for (long e = first; e <= last; e++) {
      String outcome = notPass.getOrDefault(e, Verdict.PASS);
      if (!outcome.equals("NONE")) {
        byEpoch.put(e, new Verdict(e, 7, outcome, "AUDITED", outcome.equals(Verdict.PASS) ? 2 : 1, 0, 1));
      }
    }
    return Map.of(7L, byEpoch);
  }

  private static long owedEpochs(long first, long last, Map<Long, String> notPass) {
    return model(first, last).owed(OPERATOR.address(), verdicts(first, last, notPass)).divide(PRICE).longValueExact();
  }

  @Test
  void anEpochStillHeldWhenTheDealEndsGoesBackToTheOwner() {
    PayoutModel model = model(100, 164);
    assertThat(model.most(OPERATOR.address(), 164)).isEqualTo(BigInteger.valueOf(650));
    assertThat(owedEpochs(100, 164, Map.of(164L, Verdict.UNREACHABLE))).isEqualTo(64);
    assertThat(owedEpochs(100, 164, Map.of(163L, Verdict.UNREACHABLE, 164L, Verdict.UNREACHABLE))).isEqualTo(63);
    assertThat(model.least(OPERATOR.address(), 164)).as("the bounds while running allow grace - 1 refunded")
        .isEqualTo(BigInteger.valueOf(630));
  }

  @Test
  void aPassWithinTheGraceReleasesTheHeldEpochs() {
    assertThat(owedEpochs(10, 20, Map.of())).isEqualTo(11);
    assertThat(owedEpochs(10, 20, Map.of(12L, Verdict.UNREACHABLE, 13L, Verdict.UNREACHABLE))).isEqualTo(11);
    assertThat(owedEpochs(10, 20, Map.of(12L, "NONE"))).as("no verdict counts as UNREACHABLE").isEqualTo(11);
  }

  @Test
  void theGraceRunningOutAndAFailRefundTheRun() {
    assertThat(owedEpochs(10, 20, Map.of(12L, Verdict.UNREACHABLE, 13L, Verdict.UNREACHABLE,
        14L, Verdict.UNREACHABLE))).isEqualTo(8);
    assertThat(owedEpochs(10, 20, Map.of(12L, Verdict.UNREACHABLE, 13L, Verdict.FAIL))).isEqualTo(9);
  }

  @Test
  void aVerdictMustBeWhatItsCountsGive() {
    assertThat(new Verdict(1, 7, Verdict.PASS, "AUDITED", 2, 0, 1).agrees(2)).isTrue();
    assertThat(new Verdict(1, 7, Verdict.UNREACHABLE, "AUDITED", 1, 0, 2).agrees(2)).isTrue();
    assertThat(new Verdict(1, 7, Verdict.UNREACHABLE, "AUDITED", 2, 0, 1).agrees(2)).isFalse();
    assertThat(new Verdict(1, 7, Verdict.PASS, "AUDITED", 1, 1, 1).agrees(2)).isFalse();
  }
}
