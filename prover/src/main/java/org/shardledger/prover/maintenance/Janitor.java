package org.shardledger.prover.maintenance;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.chain.DealDirectory;
import org.shardledger.prover.chain.DealView;
import org.shardledger.prover.chain.EpochClock;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StoredShard;

/**
 * Deletes shards nobody pays for any more: of deals cancelled, or ended more than {@code graceEpochs} epochs ago.
 * A deal the chain does not know (yet, or after a reorganisation) is kept.
 */
public final class Janitor {
  private final ShardStore store;
  private final DealDirectory deals;
  private final EpochClock clock;
  private final long graceEpochs;
  private final ProverStatusLog status;

  public Janitor(ShardStore store, DealDirectory deals, EpochClock clock, long graceEpochs,
      ProverStatusLog status) {
    this.store = store;
    this.deals = deals;
    this.clock = clock;
    this.graceEpochs = graceEpochs;
    this.status = status;
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
      String reason = null;
      if (view.get().status() == DealStatus.CANCELLED) {
        reason = "the deal was cancelled";
      } else if (now > view.get().deal().lastEpoch() + graceEpochs) {
        reason = "the deal ended with epoch " + view.get().deal().lastEpoch() + ", now " + now + " (grace "
            + graceEpochs + ")";
      }
      if (reason != null && store.delete(shard.dealId())) {
        status.shardDeleted(shard.dealId(), reason);
        deleted++;
      }
    }
    return deleted;
  }
}
