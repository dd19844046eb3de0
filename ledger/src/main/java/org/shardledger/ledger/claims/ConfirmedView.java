package org.shardledger.ledger.claims;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.payout.ClaimProof;
import org.shardledger.protocol.payout.PayoutTree;

/**
 * What balances and claim proofs are answered from, all in memory: the payout tree of the latest settlement
 * (rebuilt from the stored amounts once per settlement and checked against the settled root) and what every
 * account has claimed, from the confirmed {@code Claimed} events ({@code onchain/ClaimsFollower} hands them over
 * after the chain mirror has them). No request reads the chain or the database, so a chain outage leaves the
 * answers served, as of the block the mirror reached ({@link #asOfBlock()}).
 */
public final class ConfirmedView {
  private record Latest(SettledEpoch settled, PayoutTree tree) {}

  private final SettlementStore store;
  private final Map<Address, BigInteger> claimed = new ConcurrentHashMap<>();
  private volatile Latest latest;
  private volatile long asOfBlock;

  private ConfirmedView(SettlementStore store) {
    this.store = store;
  }

  /** A view starting from these claims as of {@code asOfBlock} and the store's latest settlement. */
  public static ConfirmedView open(SettlementStore store, Map<Address, BigInteger> claims, long asOfBlock)
      throws IOException {
    ConfirmedView view = new ConfirmedView(store);
    view.claimed.putAll(claims);
    view.asOfBlock = asOfBlock;
    view.refresh();
    return view;
  }

  /** A confirmed claim: {@code account} has claimed {@code cumulative} in total. */
  public void claimed(Address account, BigInteger cumulative) {
    claimed.merge(account, cumulative, BigInteger::max);
  }

  /** A reorg deeper than the confirmation depth: the claims are delivered again from the start. */
  public void forgetClaims() {
    claimed.clear();
  }

  /** Every confirmed event up to {@code block} has been handed over. */
  public void confirmedThrough(long block) {
    asOfBlock = block;
  }

  /** Takes up a new settlement from the store, if there is one (the ledger's loop calls it after each step). */
  public synchronized void refresh() throws IOException {
    Optional<SettledEpoch> stored = store.latest();
    if (stored.isEmpty()) {
      latest = null;
      return;
    }
    SettledEpoch s = stored.get();
    Latest now = latest;
    if (now != null && now.settled().epoch() == s.epoch() && now.settled().settlement().equals(s.settlement())) {
      return;
    }
    var current = store.current();
    PayoutTree tree = PayoutTree.of(current.nextEpoch() == s.epoch() + 1 ? current.cumulative()
        : store.amountsAt(s.epoch()));
    if (!tree.root().equals(s.settlement().payoutRoot())) {
      throw new IOException("the stored amounts of epoch " + s.epoch() + " give payout root " + tree.root()
          + ", not the settled " + s.settlement().payoutRoot() + ": the database is damaged");
    }
    latest = new Latest(s, tree);
  }

  /** The block the claims are confirmed through. */
  public long asOfBlock() {
    return asOfBlock;
  }

  /** The latest settled epoch this view holds. */
  public OptionalLong epoch() {
    Latest l = latest;
    return l == null ? OptionalLong.empty() : OptionalLong.of(l.settled().epoch());
  }

  public Balance balance(Address account) {
    Latest l = latest;
    long block = asOfBlock;
    BigInteger paid = claimed.getOrDefault(account, BigInteger.ZERO);
    return l == null ? new Balance(account, OptionalLong.empty(), BigInteger.ZERO, paid, block)
        : new Balance(account, OptionalLong.of(l.settled().epoch()), l.tree().amountOf(account), paid, block);
  }

  /** The proof of the account's amount in the latest settlement; empty when it has none there. */
  public Optional<ClaimProof> proof(Address account) {
    Latest l = latest;
    long block = asOfBlock;
    if (l == null) {
      return Optional.empty();
    }
    return l.tree().proof(account).map(proof -> new ClaimProof(account, l.settled().epoch(),
        l.settled().settlement().payoutRoot(), l.tree().amountOf(account), proof, block));
  }

  /** Accounts in the latest payout tree, and their total (for metrics: credits paid and claimable). */
  public Totals totals() {
    Latest l = latest;
    BigInteger credited = BigInteger.ZERO;
    BigInteger claimable = BigInteger.ZERO;
    if (l != null) {
      for (var e : l.tree().amounts().entrySet()) {
        credited = credited.add(e.getValue());
        claimable = claimable.add(e.getValue().subtract(claimed.getOrDefault(e.getKey(), BigInteger.ZERO))
            .max(BigInteger.ZERO));
      }
    }
    BigInteger paid = claimed.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    return new Totals(credited, paid, claimable);
  }

  /** Cumulative credit of the latest settlement, claimed on chain in total, and still claimable. */
  public record Totals(BigInteger credited, BigInteger claimed, BigInteger claimable) {}
}
