package org.shardledger.client.file;

import org.shardledger.client.coding.ReedSolomon;
import org.shardledger.client.manifest.Manifest;

/** How to encode: k data and m parity shards per part, and the largest part's plaintext size. */
public record EncodeOptions(int dataShards, int parityShards, long partSize) {
  public static final int DEFAULT_DATA = 4;
  public static final int DEFAULT_PARITY = 2;
  public static final long DEFAULT_PART_SIZE = 1L << 30;

  public EncodeOptions {
    ReedSolomon.check(dataShards, parityShards);
    Manifest.checkPartSize(partSize);
  }

  public static EncodeOptions defaults() {
    return new EncodeOptions(DEFAULT_DATA, DEFAULT_PARITY, DEFAULT_PART_SIZE);
  }
}
