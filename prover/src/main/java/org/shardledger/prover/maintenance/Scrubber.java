package org.shardledger.prover.maintenance;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.store.ShardCheck;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StoredShard;

/**
 * Re-reads every shard at a gentle rate and checks it against its commitment and its tree cache. A damaged shard
 * is marked corrupted (challenges then get a signed no-data, and the operator is told); a damaged cache is rebuilt.
 */
public final class Scrubber {
  private final ShardStore store;
  private final long bytesPerSecond;
  private final ProverStatusLog status;

  public Scrubber(ShardStore store, long bytesPerSecond, ProverStatusLog status) {
    this.store = store;
    this.bytesPerSecond = bytesPerSecond;
    this.status = status;
  }

  /** One pass over all shards not yet known to be corrupted; returns how many it found corrupted. */
  public int pass() throws InterruptedException {
    long started = System.nanoTime();
    RateLimiter pacer = new RateLimiter(bytesPerSecond);
    int shards = 0;
    int corrupt = 0;
    long bytes = 0;
    for (StoredShard shard : store.shards()) {
      if (shard.corrupt()) {
        continue;
      }
      try {
        if (!scrub(shard, pacer)) {
          corrupt++;
        }
        shards++;
        bytes += shard.commitment().size();
      } catch (NoSuchFileException e) {
        // deleted while it was being read
      } catch (IOException e) {
        status.maintenanceFailed("scrubbing deal " + shard.dealId(), e);
      }
    }
    status.scrubPassFinished(shards, bytes, corrupt, Duration.ofNanos(System.nanoTime() - started));
    return corrupt;
  }

  /** Checks one shard; false when it is corrupted. */
  boolean scrub(StoredShard shard, ShardCheck.Pacer pacer) throws IOException, InterruptedException {
    switch (ShardCheck.check(shard, pacer)) {
      case ShardCheck.Intact i -> {
        return true;
      }
      case ShardCheck.CacheDamaged c -> {
        ShardCheck.rebuildTree(shard, pacer);
        store.release(shard.dealId());
        status.treeCacheRepaired(shard.dealId(), c.badNodes());
        return true;
      }
      case ShardCheck.ShardDamaged d -> {
        if (store.find(shard.dealId()).isPresent()) {
          store.markCorrupt(shard.dealId(), "scrub: " + d.detail());
          status.corruptionFound(shard.dealId(), d.detail());
        }
        return false;
      }
    }
  }
}
