package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shardledger.protocol.crypto.Address;

/** The operators' stakes during one settlement: slashes come out of them and never exceed them. */
final class StakeBook {
  private final Map<Address, BigInteger> left;
  private final Map<Address, BigInteger> taken = new TreeMap<>();

  StakeBook(Map<Address, BigInteger> stakes) {
    this.left = new HashMap<>(stakes);
  }

  boolean knows(Address operator) {
    return left.containsKey(operator);
  }

  /** Takes {@code due} from the operator's stake, or all that is left of it; returns what was taken. */
  BigInteger take(Address operator, BigInteger due) {
    BigInteger stake = left.get(operator);
    if (stake == null) {
      throw new IllegalStateException("no stake given for operator " + operator);
    }
    BigInteger amount = due.min(stake);
    if (amount.signum() > 0) {
      left.put(operator, stake.subtract(amount));
      taken.merge(operator, amount, BigInteger::add);
    }
    return amount;
  }

  /** What was taken from each operator, by operator address ascending; only positive amounts. */
  List<Slash> slashes() {
    List<Slash> slashes = new ArrayList<>(taken.size());
    taken.forEach((operator, amount) -> slashes.add(new Slash(operator, amount)));
    return List.copyOf(slashes);
  }
}
