package org.shardledger.chainstore.settlement;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.settlement.SettlementState;

/** The checks every store makes before recording a settlement, and the accounts it changes. */
final class Sequence {
  private Sequence() {}

  static void check(long currentNextEpoch, SettledEpoch settled, SettlementState before, SettlementState after) {
    if (before.nextEpoch() != currentNextEpoch) {
      throw new IllegalStateException("the settlement was computed from a state at epoch " + before.nextEpoch()
          + ", the store is at " + currentNextEpoch);
    }
    if (settled.fromEpoch() != before.nextEpoch() || after.nextEpoch() != settled.epoch() + 1) {
      throw new IllegalStateException("settlement " + settled.fromEpoch() + ".." + settled.epoch()
          + " does not take the state from epoch " + before.nextEpoch() + " to " + after.nextEpoch());
    }
    if (!after.cumulativeTotal().equals(settled.settlement().cumulativeTotal())) {
      throw new IllegalStateException("the state's cumulative total " + after.cumulativeTotal()
          + " is not the settlement's " + settled.settlement().cumulativeTotal());
    }
  }

  /** The accounts whose cumulative amount differs after the settlement, by address. */
  static Map<Address, BigInteger> changed(SettlementState before, SettlementState after) {
    Map<Address, BigInteger> changed = new TreeMap<>();
    after.cumulative().forEach((account, amount) -> {
      if (!amount.equals(before.cumulativeOf(account))) {
        changed.put(account, amount);
      }
    });
    for (Address account : before.cumulative().keySet()) {
      if (!after.cumulative().containsKey(account)) {
        throw new IllegalStateException("the cumulative amount of " + account + " disappeared");
      }
    }
    return changed;
  }
}
