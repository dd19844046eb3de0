package org.shardledger.prover.view;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;

/** Deals held in memory, for tests and local runs. */
public final class InMemoryDealDirectory implements DealDirectory {
  private final Map<Long, DealView> deals = new ConcurrentHashMap<>();

  public InMemoryDealDirectory put(Deal deal, DealStatus status) {
    deals.put(deal.id(), new DealView(deal, status));
    return this;
  }

  public void remove(long dealId) {
    deals.remove(dealId);
  }

  @Override
  public Optional<DealView> find(long dealId) {
    return Optional.ofNullable(deals.get(dealId));
  }
}
