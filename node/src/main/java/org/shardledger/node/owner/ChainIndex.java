package org.shardledger.node.owner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.CursorStore;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;

/**
 * What the owner's commands need to know of the chain, read once from the ledger's events up to the head: the
 * registered operators (endpoint, region, whether exiting) and every deal with its status, by id and by root. A
 * whole-chain scan suits a devnet and small networks; a ledger's {@code deal_findByRoot} ({@link LedgerDeals}) is
 * the way at scale.
 * Unusable logs (decision 0061) are skipped: nothing here trusts them.
 */
public final class ChainIndex implements DealDirectory {
  /** An operator as its registration and updates left it. */
  public record OperatorEntry(Address operator, String endpoint, String region, boolean exiting) {}

  private final Map<Address, OperatorEntry> operators = new LinkedHashMap<>();
  private final Map<Long, Deal> deals = new LinkedHashMap<>();
  private final Map<Long, DealStatus> status = new HashMap<>();

  private ChainIndex() {}

  /** Reads every event of the ledger from its deployment to the chain's head. */
  public static ChainIndex read(Chain chain) throws IOException {
    ChainIndex index = new ChainIndex();
    try (ChainFollower follower = chain.follow(0, CursorStore.inMemory(), (events, upTo) -> events
        .forEach(index::apply), ChainTiming.remote())) {
      while (follower.pollOnce() > 0) {
        // one batch of blocks at a time, to the head
      }
    }
    return index;
  }

  private void apply(ChainEvent event) {
    switch (event) {
      case ChainEvent.OperatorRegistered r -> operators.put(r.operator(),
          new OperatorEntry(r.operator(), r.endpoint(), r.region(), false));
      case ChainEvent.OperatorUpdated u -> operators.computeIfPresent(u.operator(),
          (a, o) -> new OperatorEntry(a, u.endpoint(), u.region(), o.exiting()));
      case ChainEvent.ExitStarted e -> operators.computeIfPresent(e.operator(),
          (a, o) -> new OperatorEntry(a, o.endpoint(), o.region(), true));
      case ChainEvent.DealProposed p -> {
        deals.put(p.deal().id(), p.deal());
        status.put(p.deal().id(), DealStatus.PROPOSED);
      }
      case ChainEvent.DealActivated a -> status.put(a.dealId(), DealStatus.ACTIVE);
      case ChainEvent.DealCancelled c -> status.put(c.dealId(), DealStatus.CANCELLED);
      case ChainEvent.DealEnded e -> status.put(e.dealId(), DealStatus.ENDED);
      default -> { }
    }
  }

  public List<OperatorEntry> operators() {
    return List.copyOf(operators.values());
  }

  @Override
  public java.util.Optional<OperatorEntry> operator(Address address) {
    return java.util.Optional.ofNullable(operators.get(address));
  }

  public java.util.Optional<Deal> deal(long id) {
    return java.util.Optional.ofNullable(deals.get(id));
  }

  public DealStatus status(long id) {
    return status.getOrDefault(id, null);
  }

  /** The deals whose shard has this root and whose status is {@code wanted}. */
  public List<Deal> byRoot(Bytes32 root, DealStatus wanted) {
    List<Deal> out = new ArrayList<>();
    for (Deal d : deals.values()) {
      if (d.commitment().root().equals(root) && status.get(d.id()) == wanted) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public List<Deal> active(Bytes32 root) {
    return byRoot(root, DealStatus.ACTIVE);
  }

  /** Every deal of {@code owner}. */
  public List<Deal> dealsOf(Address owner) {
    return deals.values().stream().filter(d -> d.owner().equals(owner)).toList();
  }
}
