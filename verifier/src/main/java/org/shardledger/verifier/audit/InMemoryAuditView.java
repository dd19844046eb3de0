package org.shardledger.verifier.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

/** A chain the test moves by hand: head, confirmed block, beacons, active deals and registrations. */
public final class InMemoryAuditView implements AuditView {
  private final Map<Long, EpochBeacon> beacons = new ConcurrentHashMap<>();
  private final List<Deal> deals = new CopyOnWriteArrayList<>();
  private final Map<Address, OperatorEndpoint> operators = new ConcurrentHashMap<>();
  private volatile long head;
  private volatile long confirmed;

  /** The head at {@code head}, every block up to {@code confirmed} seen. */
  public InMemoryAuditView at(long headBlock, long confirmedBlock) {
    this.head = headBlock;
    this.confirmed = confirmedBlock;
    return this;
  }

  public InMemoryAuditView beacon(long epoch, Bytes32 beacon) {
    beacons.put(epoch, new EpochBeacon(epoch, beacon));
    return this;
  }

  /** An active deal, audited in each epoch of its period. */
  public InMemoryAuditView deal(Deal deal) {
    deals.add(deal);
    return this;
  }

  public InMemoryAuditView register(Address operator, String endpoint) {
    operators.put(operator, new OperatorEndpoint(operator, endpoint));
    return this;
  }

  @Override
  public long headBlock() {
    return head;
  }

  @Override
  public long confirmedThrough() {
    return confirmed;
  }

  @Override
  public Optional<EpochBeacon> beacon(long epoch) {
    return Optional.ofNullable(beacons.get(epoch));
  }

  @Override
  public List<Deal> dealsToAudit(long epoch) {
    List<Deal> out = new ArrayList<>();
    for (Deal d : deals) {
      if (d.firstEpoch() <= epoch && epoch <= d.lastEpoch()) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparingLong(Deal::id));
    return out;
  }

  @Override
  public Optional<OperatorEndpoint> operator(Address operator) {
    return Optional.ofNullable(operators.get(operator));
  }
}
