package org.shardledger.chainstore.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.settlement.SettlementState;

/** A {@link SettlementStore} in memory: for tests. */
public final class InMemorySettlementStore implements SettlementStore {
  private SettlementState current = SettlementState.genesis();
  private final NavigableMap<Long, SettledEpoch> settled = new TreeMap<>();
  private final Map<Address, NavigableMap<Long, BigInteger>> amounts = new HashMap<>();

  @Override
  public synchronized SettlementState current() {
    return current;
  }

  @Override
  public synchronized void record(SettledEpoch epoch, SettlementState before, SettlementState after) {
    Sequence.check(current.nextEpoch(), epoch, before, after);
    Sequence.changed(before, after).forEach((account, amount) ->
        amounts.computeIfAbsent(account, a -> new TreeMap<>()).put(epoch.epoch(), amount));
    settled.put(epoch.epoch(), epoch);
    current = after;
  }

  @Override
  public synchronized void recordTransaction(long epoch, SettlementTx tx) {
    SettledEpoch s = settled.get(epoch);
    if (s == null) {
      throw new IllegalStateException("no settlement of epoch " + epoch + " recorded");
    }
    settled.put(epoch, s.withTx(tx));
  }

  @Override
  public synchronized Optional<SettledEpoch> settled(long epoch) {
    return Optional.ofNullable(settled.get(epoch));
  }

  @Override
  public synchronized Optional<SettledEpoch> covering(long epoch) {
    return Optional.ofNullable(settled.ceilingEntry(epoch)).map(Map.Entry::getValue).filter(s -> s.covers(epoch));
  }

  @Override
  public synchronized Optional<SettledEpoch> latest() {
    return Optional.ofNullable(settled.lastEntry()).map(Map.Entry::getValue);
  }

  @Override
  public synchronized List<SettledEpoch> settledBetween(long fromEpoch, long toEpoch, int limit) {
    return settled.subMap(fromEpoch, true, toEpoch, true).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized BigInteger cumulativeAt(Address account, long epoch) {
    var history = amounts.get(account);
    var at = history == null ? null : history.floorEntry(epoch);
    return at == null ? BigInteger.ZERO : at.getValue();
  }

  @Override
  public synchronized List<AmountAt> changes(Address account, long fromEpoch, long toEpoch) {
    var history = amounts.getOrDefault(account, new TreeMap<>());
    List<AmountAt> out = new ArrayList<>();
    history.subMap(fromEpoch, true, toEpoch, true).forEach((e, a) -> out.add(new AmountAt(e, a)));
    return out;
  }

  @Override
  public synchronized Map<Address, BigInteger> amountsAt(long epoch) {
    Map<Address, BigInteger> out = new HashMap<>();
    amounts.forEach((account, history) -> {
      var at = history.floorEntry(epoch);
      if (at != null) {
        out.put(account, at.getValue());
      }
    });
    return out;
  }
}
