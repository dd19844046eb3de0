package org.shardledger.client.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.shardledger.client.coding.ReedSolomon;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.runtime.DaemonThreads;

/**
 * Codes one stripe and appends its shares to their shard files and commitments on a few threads while the caller
 * fills the next stripe: the parity is computed in slices of the share (one per thread), each data share is written
 * and hashed meanwhile, each parity share once its slices are coded. The coding is off the filling thread, so the
 * part is bounded by its slowest stage on both cores, not by the coder alone. At most one stripe is in flight;
 * {@link #await} waits for it and rethrows its first failure.
 */
final class ShardSinks implements AutoCloseable {
  /** A slice of the share narrower than this is not worth a task of its own. */
  private static final int MIN_SLICE = 16 * 1024;

  private final List<PendingFile> files;
  private final ReedSolomon coder;
  private final int threads;
  private final ExecutorService pool;
  private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();

  ShardSinks(List<PendingFile> files, ReedSolomon coder) {
    this.files = files;
    this.coder = coder;
    this.threads = Math.max(1, Math.min(coder.totalShards(), Runtime.getRuntime().availableProcessors()));
    this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("shard-writer"));
  }

  /**
   * Codes the parity of {@code shares} (the data shares filled) and writes share i to file i and commitment i; the
   * arrays must stay untouched until the next {@link #await}.
   */
  void submit(byte[][] shares, CommitmentBuilder[] commitments) {
    int k = coder.dataShards();
    int len = shares[0].length;
    for (int i = 0; i < k; i++) {
      inFlight.add(CompletableFuture.runAsync(sink(shares[i], files.get(i), commitments[i]), pool));
    }
    int slices = Math.max(1, Math.min(threads, len / MIN_SLICE));
    int step = len / slices;
    CompletableFuture<?>[] coded = new CompletableFuture<?>[slices];
    for (int s = 0; s < slices; s++) {
      int from = s * step;
      int to = s == slices - 1 ? len : from + step;
      coded[s] = CompletableFuture.runAsync(() -> coder.encode(shares, from, to - from), pool);
    }
    CompletableFuture<Void> parity = CompletableFuture.allOf(coded);
    for (int i = k; i < shares.length; i++) {
      inFlight.add(parity.thenRunAsync(sink(shares[i], files.get(i), commitments[i]), pool));
    }
  }

  private static Runnable sink(byte[] share, PendingFile file, CommitmentBuilder commitment) {
    return () -> {
      try {
        file.write(share, 0, share.length);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
      commitment.update(share, 0, share.length);
    };
  }

  void await() throws IOException {
    IOException failure = null;
    for (CompletableFuture<Void> f : inFlight) {
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
    inFlight.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
