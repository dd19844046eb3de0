package org.shardledger.protocol.beacon;

/**
 * The EVM's BLOCKHASH rule, the one home of the 256-block window: a transaction in block {@code n} reads the hash of
 * block {@code b} only when {@code n - 256 <= b < n}. So an epoch's beacon (the hash of its first block {@code s})
 * can be recorded in blocks {@code s + 1 .. s + 256} and never after ({@code recordBeacon} reverts
 * {@code BeaconNotYetAvailable} before, {@code BeaconExpired} after), and a dispute's beacon, read one block after it
 * was opened, fixes its answer window below 256 blocks. Every role that reasons about a beacon's deadline calls
 * this class.
 */
public final class BeaconWindow {
  /** How many of the latest blocks' hashes the EVM can read. */
  public static final long BLOCKS = 256;

  private BeaconWindow() {}

  /** The last block in which the hash of {@code block} can still be read (and a beacon at it recorded). */
  public static long lastReadableIn(long block) {
    requireBlock(block);
    return block + BLOCKS;
  }

  /** Whether a transaction in block {@code txBlock} can read the hash of {@code block}. */
  public static boolean readable(long block, long txBlock) {
    requireBlock(block);
    return txBlock > block && txBlock <= block + BLOCKS;
  }

  /**
   * Whether a view that has seen every block up to {@code seenThrough} (its confirmed block) has seen the whole
   * window of {@code block}: a beacon at it that the view has not seen recorded never will be.
   */
  public static boolean closed(long block, long seenThrough) {
    return seenThrough >= lastReadableIn(block);
  }

  /** The oldest block whose hash a transaction in block {@code txBlock} can still read (0 early in the chain). */
  public static long oldestReadableIn(long txBlock) {
    requireBlock(txBlock);
    return Math.max(0, txBlock - BLOCKS);
  }

  private static void requireBlock(long block) {
    if (block < 0) {
      throw new IllegalArgumentException("a block number is not negative, got " + block);
    }
  }
}
