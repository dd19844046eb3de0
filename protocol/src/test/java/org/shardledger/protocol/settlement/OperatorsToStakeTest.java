package org.shardledger.protocol.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.protocol.settlement.Deals.account;
import static org.shardledger.protocol.settlement.Deals.deal;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.crypto.Address;

/** Whose stake a settlement reads (decision 0034), moved here from chainstore's {@code SettlementInputs}. */
class OperatorsToStakeTest {
  static final Address ENDED = account(0xE1);
  static final Address ADMITTED = account(0xE2);

  @Test
  void aDealEndedBeforeTheNextEpochNeedsNoStakeAndOneStillToBeAdmittedDoes() {
    SettlementState state = SettlementState.restore(10, List.of(), Map.of(), BigInteger.ZERO);
    assertThat(state.operatorsToStake(List.of(deal(1, Deals.OWNER, ENDED, 1, 2, 9),
        deal(2, Deals.OWNER, ADMITTED, 1, 5, 10)))).containsExactly(ADMITTED);
  }

  @Test
  void fromGenesisEveryDealsOperatorIsReadOnceInAddressOrder() {
    assertThat(SettlementState.genesis().operatorsToStake(List.of(deal(1, Deals.OWNER, ADMITTED, 1, 0, 3),
        deal(2, Deals.OWNER, ENDED, 1, 0, 3), deal(3, Deals.OWNER, ADMITTED, 1, 1, 4))))
        .containsExactly(ENDED, ADMITTED);
  }
}
