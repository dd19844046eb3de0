package org.shardledger.prover.maintenance;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.deal.Epochs;
import org.shardledger.prover.policy.AcceptancePolicy;
import org.shardledger.prover.policy.ProposalGate;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.view.DealDirectory;
import org.shardledger.prover.view.DealView;
import org.shardledger.prover.view.EpochClock;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StoredShard;

/**
 * Deletes shards nobody pays for any more: of deals cancelled, of proposals whose activation window closed (the
 * contract activates a proposal only until its first epoch ends), or of deals that ended more than
 * {@code graceEpochs} epochs ago. Never the shard of an active deal that has not ended: the arithmetic saturates, so
 * no last epoch or grace, however large, wraps around. A deal the chain does not know (yet, or after a
 * reorganisation) is kept.
 */
public final class Janitor {
  private final ShardStore store;
  private final DealDirectory deals;
  private final EpochClock clock;
  private final long graceEpochs;
  private final ProverStatusLog status;
  private final ProposalGate gate;

  public Janitor(ShardStore store, DealDirectory deals, EpochClock clock, long graceEpochs,
      ProverStatusLog status) {
    this(store, deals, clock, graceEpochs, status, new ProposalGate(AcceptancePolicy.defaults(0)));
  }

  /** Also tells {@code gate} which proposals were activated, are held, or are gone. */
  public Janitor(ShardStore store, DealDirectory deals, EpochClock clock, long graceEpochs,
      ProverStatusLog status, ProposalGate gate) {
    this.store = store;
    this.deals = deals;
    this.clock = clock;
    this.graceEpochs = graceEpochs;
    this.status = status;
    this.gate = gate;
  }

  /** One sweep; returns how many shards it deleted. */
  public int sweep() throws IOException {
    long now = clock.currentEpoch();
    int deleted = 0;
    for (StoredShard shard : store.shards()) {
      Optional<DealView> view = deals.find(shard.dealId());
      if (view.isEmpty()) {
        continue;
      }
      String reason = reason(view.get(), now);
      if (reason != null && store.delete(shard.dealId())) {
        status.shardDeleted(shard.dealId(), reason);
        deleted++;
        gate.release(shard.dealId());
      } else if (view.get().status() == DealStatus.PROPOSED) {
        gate.restore(view.get().deal());
      } else {
        gate.release(shard.dealId());
      }
    }
    return deleted;
  }

  /** Why the shard of this deal may go at epoch {@code now}, or null while it must stay. */
  private String reason(DealView view, long now) {
    Deal deal = view.deal();
    return switch (view.status()) {
      case CANCELLED -> "the deal was cancelled";
      case PROPOSED -> now > deal.firstEpoch() ? "the proposal was not activated within its activation window "
          + "(until the end of epoch " + deal.firstEpoch() + "), now " + now : null;
      // an ENDED deal (early, by its owner or the rules) is kept as long as a running one: the view has no end epoch
      case ACTIVE, ENDED -> now > Epochs.saturatingAdd(deal.lastEpoch(), graceEpochs) ? "the deal ended with epoch "
          + deal.lastEpoch() + ", now " + now + " (grace " + graceEpochs + ")" : null;
    };
  }
}
