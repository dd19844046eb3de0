package org.shardledger.node.devnet;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The local network's shape.
 *
 * @param blockTime seconds between blocks
 * @param epochLength blocks per epoch
 * @param files sample files the owner puts and gets back (a shard, so a deal, on every operator per file)
 * @param settledEpochs stop after this many settled epochs (0: run until stopped)
 */
public record DevnetConfig(Path dataDir, Path anvilBinary, int operators, int verifiers, int threshold,
    double blockTime, long epochLength, int files, long dealEpochs, long settledEpochs) {
  public static final String DEFAULT_DATA_DIR = "devnet-data";
  public static final int DEFAULT_OPERATORS = 6;
  public static final int DEFAULT_VERIFIERS = 3;
  public static final int DEFAULT_THRESHOLD = 2;
  public static final int DEFAULT_BLOCK_SECONDS = 1;
  public static final long DEFAULT_EPOCH_LENGTH = 10;
  public static final int DEFAULT_FILES = 2;
  public static final long DEFAULT_DEAL_EPOCHS = 100;

  public DevnetConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(anvilBinary, "anvilBinary");
    if (operators < 1 || operators > DevnetAccounts.MAX_OPERATORS) {
      throw new IllegalArgumentException("1 to " + DevnetAccounts.MAX_OPERATORS + " operators, got " + operators);
    }
    if (verifiers < 1 || verifiers > 3 || threshold < 1 || threshold > verifiers) {
      throw new IllegalArgumentException("1 to 3 verifiers (dev accounts 7-9) and 1 <= threshold <= verifiers");
    }
    if (!(blockTime > 0) || epochLength < 2 || files < 0 || dealEpochs < 1 || settledEpochs < 0) {
      throw new IllegalArgumentException("positive block time, epochs of at least 2 blocks, deals of at least 1 "
          + "epoch");
    }
  }
}
