package org.shardledger.client.layout;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.runtime.DaemonThreads;

/**
 * Appends one stripe's shares to their shard files and commitments on a few threads, one task per shard, while the
 * caller prepares the next stripe. At most one stripe is in flight; {@link #await} waits for it and rethrows its
 * first failure.
 */
final class ShardSinks implements AutoCloseable {
  private final List<PendingFile> files;
  private final ExecutorService pool;
  private final Future<?>[] inFlight;
  private boolean pending;

  ShardSinks(List<PendingFile> files, int shards) {
    this.files = files;
    int threads = Math.max(1, Math.min(shards, Runtime.getRuntime().availableProcessors()));
    this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("shard-writer"));
    this.inFlight = new Future<?>[shards];
  }

  /** Starts writing share i of {@code shares} to file i and commitment i; the arrays must stay untouched until
   * the next {@link #await}. */
  void submit(byte[][] shares, CommitmentBuilder[] commitments) {
    for (int i = 0; i < inFlight.length; i++) {
      byte[] share = shares[i];
      PendingFile file = files.get(i);
      CommitmentBuilder commitment = commitments[i];
      inFlight[i] = pool.submit(() -> {
        file.write(share, 0, share.length);
        commitment.update(share, 0, share.length);
        return null;
      });
    }
    pending = true;
  }

  void await() throws IOException {
    if (!pending) {
      return;
    }
    pending = false;
    IOException failure = null;
    for (Future<?> f : inFlight) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing shards", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof IOException io ? io : new IOException("writing a shard failed",
              e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
