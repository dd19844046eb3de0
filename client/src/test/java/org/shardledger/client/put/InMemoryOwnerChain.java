package org.shardledger.client.put;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Eip712Domain;

/** The chain a put sees, in memory, with the contract's rules that matter to it (escrow, activation checks). */
final class InMemoryOwnerChain implements OwnerChain {
  final Map<Long, Deal> deals = new ConcurrentHashMap<>();
  final Map<Long, DealStatus> status = new ConcurrentHashMap<>();
  final List<RegisteredOperator> operators = new ArrayList<>();
  final AtomicInteger transactions = new AtomicInteger();
  private final Address owner;
  private final Eip712Domain domain;
  private BigInteger balance;
  /** Thrown from the next activate, to stand for a put killed there. */
  volatile Error dieOnActivate;

  InMemoryOwnerChain(Address owner, Eip712Domain domain, BigInteger balance) {
    this.owner = owner;
    this.domain = domain;
    this.balance = balance;
  }

  synchronized BigInteger escrowed() {
    return deals.values().stream().filter(d -> status.get(d.id()) == DealStatus.PROPOSED
        || status.get(d.id()) == DealStatus.ACTIVE).map(Deal::totalPrice).reduce(BigInteger.ZERO, BigInteger::add);
  }

  Optional<Deal> deal(long id) {
    return Optional.ofNullable(deals.get(id));
  }

  /** The chain's epoch; a test moves it on to close activation windows. */
  volatile long epoch = 3;

  @Override
  public long currentEpoch() {
    return epoch;
  }

  @Override
  public Duration epochLength() {
    return Duration.ofSeconds(60);
  }

  @Override
  public Duration chainTime(long deals) {
    return Duration.ZERO;
  }

  @Override
  public List<RegisteredOperator> operators() {
    return List.copyOf(operators);
  }

  @Override
  public synchronized BigInteger balance() {
    return balance;
  }

  @Override
  public synchronized List<Deal> propose(List<Proposal> proposals) throws IOException {
    transactions.incrementAndGet();
    BigInteger total = proposals.stream().map(Proposal::escrow).reduce(BigInteger.ZERO, BigInteger::add);
    if (total.compareTo(balance) > 0) {
      throw new IOException("InsufficientBalance");
    }
    balance = balance.subtract(total);
    List<Deal> out = new ArrayList<>();
    for (Proposal p : proposals) {
      Deal d = new Deal(deals.size() + 1, owner, p.operator(), p.commitment(), p.samples(), p.pricePerEpoch(),
          p.firstEpoch(), p.lastEpoch());
      deals.put(d.id(), d);
      status.put(d.id(), DealStatus.PROPOSED);
      out.add(d);
    }
    return out;
  }

  @Override
  public synchronized void activate(Map<Long, Signature> acceptances) throws IOException {
    if (dieOnActivate != null) {
      throw dieOnActivate;
    }
    transactions.incrementAndGet();
    for (var e : acceptances.entrySet()) {
      Deal d = deals.get(e.getKey());
      if (d != null && epoch > d.firstEpoch()) {
        throw new IOException("ActivationWindowClosed: deal " + d.id() + " had to be activated by epoch "
            + d.firstEpoch());
      }
      if (d == null || status.get(d.id()) != DealStatus.PROPOSED
          || !domain.isSignedBy(d.acceptance(), e.getValue(), d.operator())) {
        throw new IOException("BadAcceptance for deal " + e.getKey());
      }
    }
    acceptances.keySet().forEach(id -> status.put(id, DealStatus.ACTIVE));
  }

  @Override
  public synchronized void cancel(List<Long> dealIds) throws IOException {
    transactions.incrementAndGet();
    for (long id : dealIds) {
      if (status.get(id) != DealStatus.PROPOSED) {
        throw new IOException("NotProposed: deal " + id);
      }
    }
    for (long id : dealIds) {
      status.put(id, DealStatus.CANCELLED);
      balance = balance.add(deals.get(id).totalPrice());
    }
  }

  @Override
  public synchronized List<Deal> openProposals(Set<Bytes32> roots) {
    return deals.values().stream().filter(d -> status.get(d.id()) == DealStatus.PROPOSED)
        .filter(d -> roots.contains(d.commitment().root())).toList();
  }

  @Override
  public void end(List<Long> dealIds) {
    throw new UnsupportedOperationException("not needed by put");
  }
}
