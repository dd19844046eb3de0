package org.shardledger.prover.maintenance;

import org.shardledger.prover.store.ShardCheck;

/** Keeps a reader at or below a byte rate by sleeping; one per reading thread. */
final class RateLimiter implements ShardCheck.Pacer {
  private final long bytesPerSecond;
  private final long start = System.nanoTime();
  private long bytes;

  RateLimiter(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public void pace(long read) throws InterruptedException {
    bytes += read;
    long due = start + bytes * 1_000_000_000L / bytesPerSecond;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
