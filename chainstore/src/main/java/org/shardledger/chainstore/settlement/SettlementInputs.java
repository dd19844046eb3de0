package org.shardledger.chainstore.settlement;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.DealState;
import org.shardledger.protocol.settlement.SettlementState;

/** What the ledger reads for a settlement besides the reports. */
public final class SettlementInputs {
  private SettlementInputs() {}

  /**
   * The operators whose stake a settlement from {@code state} with {@code deals} needs (docs/decisions/0034): those
   * of every open deal the state holds and of every deal it will admit.
   */
  public static Set<Address> operatorsToStake(SettlementState state, List<Deal> deals) {
    Set<Address> operators = new TreeSet<>();
    for (DealState d : state.deals()) {
      if (!d.closed()) {
        operators.add(d.deal().operator());
      }
    }
    for (Deal d : deals) {
      if (d.lastEpoch() >= state.nextEpoch() && state.deal(d.id()).isEmpty()) {
        operators.add(d.operator());
      }
    }
    return operators;
  }
}
