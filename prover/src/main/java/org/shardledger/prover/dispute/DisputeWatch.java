package org.shardledger.prover.dispute;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.events.CursorStore;
import org.shardledger.contracts.events.FileCursorStore;
import org.shardledger.contracts.events.FollowerCursor;

/**
 * Follows the chain for the {@link DisputeAnswerer}: a {@link ChainFollower} with a few confirmations and its
 * cursor in a file of the node's data directory. A dispute's window ends within 256 blocks, so the watch never
 * starts further back than {@link DisputeSettings#lookbackBlocks()}: a first start, or one after a long stop,
 * skips the history nobody could answer any more.
 */
public final class DisputeWatch implements AutoCloseable {
  private final ChainFollower follower;

  private DisputeWatch(ChainFollower follower) {
    this.follower = follower;
  }

  public static DisputeWatch start(Chain chain, DisputeAnswerer answerer, Path cursorFile, DisputeSettings settings,
      ChainTiming timing) throws IOException {
    CursorStore cursor = new FileCursorStore(cursorFile);
    skipStaleHistory(chain, cursor, settings.lookbackBlocks());
    ChainFollower follower = chain.follow(settings.confirmations(), cursor, answerer, timing);
    follower.start();
    return new DisputeWatch(follower);
  }

  /** Moves a missing or old cursor up to {@code lookback} blocks behind the head (never before the deployment). */
  public static void skipStaleHistory(Chain chain, CursorStore cursor, long lookback) throws IOException {
    long from = Math.max(chain.deployment().deployBlock() - 1, chain.blockNumber() - lookback);
    Optional<FollowerCursor> saved = cursor.load();
    if (from <= 0 || saved.isPresent() && saved.get().block() >= from) {
      return;
    }
    long start = from;
    cursor.save(new FollowerCursor(start, chain.blockHash(start)
        .orElseThrow(() -> new IOException("the chain has no block " + start))));
  }

  /** Blocks between the chain head the watch last saw and what it has looked at (-1 before its first look). */
  public long lagBlocks() {
    return follower.lagBlocks();
  }

  /** The chain head the watch last saw (-1 before its first look). */
  public long lastSeenHead() {
    return follower.lastSeenHead();
  }

  @Override
  public void close() {
    follower.close();
  }
}
