package org.shardledger.prover.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.terms.OperatorTerms;
import org.shardledger.protocol.terms.TermsBreach;
import org.shardledger.protocol.terms.TermsRule;

/**
 * Admits proposals (deals not activated yet) under the {@link AcceptancePolicy} and keeps count of the shards the
 * node holds or is receiving for them, per owner and in bytes, so strangers' proposals cannot fill the disk. A
 * shard leaves the count when its deal is activated, its upload fails, or the janitor deletes it (its activation
 * window closed). After a restart the janitor's first sweep counts the shards of proposals again.
 */
public final class ProposalGate {
  private record Held(Address owner, long bytes) {}

  private final AcceptancePolicy policy;
  private final Map<Long, Held> unactivated = new HashMap<>();
  private final Map<Address, Integer> perOwner = new HashMap<>();
  private long bytes;

  public ProposalGate(AcceptancePolicy policy) {
    this.policy = policy;
  }

  public AcceptancePolicy policy() {
    return policy;
  }

  /** Checks a proposal at epoch {@code now}; when admitted it is counted until {@link #release}d or activated. */
  public synchronized Optional<TermsBreach> admit(Deal deal, long now, OperatorTerms terms) {
    Optional<TermsBreach> breach = terms.check(deal, now);
    if (breach.isPresent() || unactivated.containsKey(deal.id())) {
      return breach;
    }
    int owned = perOwner.getOrDefault(deal.owner(), 0);
    if (owned >= policy.maxOpenProposalsPerOwner()) {
      return Optional.of(new TermsBreach(TermsRule.OPEN_PROPOSALS_PER_OWNER, "owner " + deal.owner() + " already "
          + "has " + owned + " proposals not activated on this node; the node holds at most "
          + policy.maxOpenProposalsPerOwner()));
    }
    long size = deal.commitment().size();
    if (size > policy.maxUnactivatedBytes() - bytes) {
      return Optional.of(new TermsBreach(TermsRule.UNACTIVATED_SPACE, "shards of proposals not activated take "
          + bytes + " bytes; this one needs " + size + " more, the node keeps at most " + policy.maxUnactivatedBytes()
          + " for them"));
    }
    count(deal);
    return Optional.empty();
  }

  /** Counts a stored shard of a proposal found after a restart (no limit applies: it is on disk already). */
  public synchronized void restore(Deal deal) {
    if (!unactivated.containsKey(deal.id())) {
      count(deal);
    }
  }

  /** The deal was activated, or its shard is gone: it no longer counts. */
  public synchronized void release(long dealId) {
    Held held = unactivated.remove(dealId);
    if (held != null) {
      bytes -= held.bytes();
      perOwner.computeIfPresent(held.owner(), (o, n) -> n > 1 ? n - 1 : null);
    }
  }

  public synchronized long unactivatedBytes() {
    return bytes;
  }

  public synchronized int unactivatedShards() {
    return unactivated.size();
  }

  private void count(Deal deal) {
    unactivated.put(deal.id(), new Held(deal.owner(), deal.commitment().size()));
    perOwner.merge(deal.owner(), 1, Integer::sum);
    bytes += deal.commitment().size();
  }
}
