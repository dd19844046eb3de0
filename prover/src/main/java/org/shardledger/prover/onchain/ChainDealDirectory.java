package org.shardledger.prover.onchain;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DealLookup;
import org.shardledger.contracts.chain.DealRecord;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.prover.view.DealDirectory;
import org.shardledger.prover.view.DealView;

/**
 * Deals as the ledger contract has them (latest block). A deal's terms never change and ACTIVE and CANCELLED are
 * final, so a deal of this operator in either state is read once and kept; a PROPOSED deal is read again each time
 * (it may have been activated or cancelled since). Deals of other operators are never kept, so peers cannot make
 * the node cache the whole chain. A deal whose terms do not fit the node's types is never found (ineligible);
 * {@link #unusable} says why.
 */
public final class ChainDealDirectory implements DealDirectory {
  private final Chain chain;
  private final Address operator;
  private final Map<Long, DealView> settled = new ConcurrentHashMap<>();

  public ChainDealDirectory(Chain chain, Address operator) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.operator = Objects.requireNonNull(operator, "operator");
  }

  @Override
  public Optional<DealView> find(long dealId) throws IOException {
    DealView known = settled.get(dealId);
    if (known != null) {
      return Optional.of(known);
    }
    if (!(chain.deals().lookup(dealId) instanceof DealLookup.Found found)) {
      return Optional.empty();
    }
    DealRecord record = found.record();
    DealView view = new DealView(record.deal(), record.status());
    if (view.status() != DealStatus.PROPOSED && view.deal().operator().equals(operator)) {
      settled.put(dealId, view);
    }
    return Optional.of(view);
  }

  @Override
  public Optional<String> unusable(long dealId) throws IOException {
    return chain.deals().lookup(dealId) instanceof DealLookup.Unusable u ? Optional.of(u.reason()) : Optional.empty();
  }
}
