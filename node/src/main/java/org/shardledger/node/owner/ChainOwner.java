package org.shardledger.node.owner;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shardledger.client.put.OwnerChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DealRecord;
import org.shardledger.contracts.chain.Deals;
import org.shardledger.contracts.chain.ProposalTerms;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;

/**
 * The put core's chain ({@link OwnerChain}) over the ledger contract, signing with the owner's account. Proposals
 * and activations go in batches of up to {@link Deals#MAX_BATCH} deals, one transaction each (all or none), so a
 * put of any number of parts costs a fixed handful of transactions; the operators and open proposals come from a
 * fresh {@link ChainIndex}.
 */
public final class ChainOwner implements OwnerChain {
  private final Chain chain;
  private final Address owner;
  private final Duration blockTime;
  private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

  public ChainOwner(Chain chain, Duration blockTime) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.owner = chain.account().orElseThrow(() -> new IllegalArgumentException("the owner's chain needs a key"));
    this.blockTime = Objects.requireNonNull(blockTime, "blockTime");
  }

  /** Transactions this put sent for deals (proposals, activations, cancels, ends; not the credit approvals). */
  public int transactionsSent() {
    return sent.get();
  }

  @Override
  public long currentEpoch() throws IOException {
    return chain.currentEpoch();
  }

  @Override
  public Duration epochLength() {
    return blockTime.multipliedBy(chain.deployment().epochLength());
  }

  /** A block per batch of proposals and per batch of activations, and one for the credit approval. */
  @Override
  public Duration chainTime(long deals) {
    long batches = (deals + Deals.MAX_BATCH - 1) / Deals.MAX_BATCH;
    return blockTime.multipliedBy(2 * batches + 1);
  }

  @Override
  public List<RegisteredOperator> operators() throws IOException {
    List<RegisteredOperator> out = new ArrayList<>();
    for (ChainIndex.OperatorEntry o : ChainIndex.read(chain).operators()) {
      if (!o.exiting()) {
        endpoint(o.endpoint()).ifPresent(e -> out.add(new RegisteredOperator(o.operator(), o.region(), e)));
      }
    }
    return out;
  }

  /** HOST:PORT, or empty for an endpoint that is not one (such an operator cannot be reached, so it is skipped). */
  static java.util.Optional<InetSocketAddress> endpoint(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || hostPort.length() > 255) {
      return java.util.Optional.empty();
    }
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      if (port < 1 || port > 65535) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port))
          .map(u -> new InetSocketAddress(u.getHostString(), u.getPort()));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public BigInteger balance() throws IOException {
    return chain.credits().balanceOf(owner);
  }

  @Override
  public List<Deal> propose(List<Proposal> proposals) throws IOException {
    List<Deal> out = new ArrayList<>();
    for (List<Proposal> batch : batches(proposals)) {
      sent.incrementAndGet();
      List<Long> ids = chain.deals().proposeBatch(batch.stream().map(p -> new ProposalTerms(p.operator(),
          p.commitment(), p.samples(), p.pricePerEpoch(), p.firstEpoch(), p.lastEpoch())).toList());
      for (long id : ids) {
        out.add(chain.deals().get(id).map(DealRecord::deal)
            .orElseThrow(() -> new IOException("deal " + id + " was proposed but cannot be read back")));
      }
    }
    return out;
  }

  @Override
  public void activate(Map<Long, Signature> acceptances) throws IOException {
    for (List<Map.Entry<Long, Signature>> batch : batches(List.copyOf(acceptances.entrySet()))) {
      sent.incrementAndGet();
      Map<Long, Signature> one = new java.util.LinkedHashMap<>();
      batch.forEach(e -> one.put(e.getKey(), e.getValue()));
      chain.deals().activateBatch(one).mined();
    }
  }

  /** {@code items} in lists of at most {@link Deals#MAX_BATCH}, in order. */
  static <T> List<List<T>> batches(List<T> items) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < items.size(); from += Deals.MAX_BATCH) {
      out.add(items.subList(from, Math.min(items.size(), from + Deals.MAX_BATCH)));
    }
    return out;
  }

  @Override
  public void cancel(List<Long> dealIds) throws IOException {
    for (long id : dealIds) {
      if (chain.deals().get(id).map(DealRecord::status).orElse(null) == DealStatus.PROPOSED) {
        sent.incrementAndGet();
        chain.deals().cancel(id).mined();
      }
    }
  }

  @Override
  public List<Deal> openProposals(Set<Bytes32> roots) throws IOException {
    ChainIndex index = ChainIndex.read(chain);
    List<Deal> out = new ArrayList<>();
    for (Bytes32 root : roots) {
      index.byRoot(root, DealStatus.PROPOSED).stream().filter(d -> d.owner().equals(owner)).forEach(out::add);
    }
    return out;
  }

  @Override
  public void end(List<Long> dealIds) throws IOException {
    for (long id : dealIds) {
      sent.incrementAndGet();
      chain.deals().end(id).mined();
    }
  }
}
