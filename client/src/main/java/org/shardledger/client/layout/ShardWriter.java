package org.shardledger.client.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongConsumer;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * Writes one part's shards: the ciphertext is cut into stripes of k × shareSize bytes, the last zero-padded; each
 * stripe is coded into k + m shares and share i appended to shard file i, every shard committed (RFC 9162,
 * 4096-byte segments by default) as it goes. The writing thread fills stripe s + 1 while other threads code, write
 * and hash stripe s, so memory is two stripes. Each shard file appears atomically, whole, or not at all.
 */
public final class ShardWriter {
  private ShardWriter() {}

  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles)
      throws IOException {
    return write(ciphertext, params, shardFiles, ShardCommitment.DEFAULT_SEGMENT_SIZE, done -> { });
  }

  /** With a shard segment size other than 4096 (a power of two that divides the share size). */
  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles,
      int segmentSize) throws IOException {
    return write(ciphertext, params, shardFiles, segmentSize, done -> { });
  }

  /** Reports the ciphertext bytes consumed so far to {@code progress} after each stripe. */
  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles,
      int segmentSize, LongConsumer progress) throws IOException {
    try (ShardOutputStream out = open(params, shardFiles, segmentSize, progress)) {
      out.transferFrom(ciphertext);
      return out.finish();
    }
  }

  /**
   * For a producer that pushes (an encrypting stream): write the ciphertext into the returned stream, then call
   * {@link ShardOutputStream#finish}; closing it unfinished leaves no shard file.
   */
  public static ShardOutputStream open(CodingParams params, List<Path> shardFiles, int segmentSize,
      LongConsumer progress) throws IOException {
    int n = params.totalShards();
    if (shardFiles.size() != n) {
      throw new IllegalArgumentException("a " + params.dataShards() + "+" + params.parityShards() + " part needs "
          + n + " shard files, got " + shardFiles.size());
    }
    if (new HashSet<>(shardFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList()).size() != n) {
      throw new IllegalArgumentException("shard files must be distinct: " + shardFiles);
    }
    ShardCommitment.checkSegmentSize(segmentSize);
    if (params.shareSize() % segmentSize != 0) {
      throw new IllegalArgumentException("share size " + params.shareSize() + " is not a multiple of the segment size "
          + segmentSize);
    }
    return new ShardOutputStream(params, shardFiles, segmentSize, progress == null ? done -> { } : progress);
  }

  public static ShardOutputStream open(CodingParams params, List<Path> shardFiles) throws IOException {
    return open(params, shardFiles, ShardCommitment.DEFAULT_SEGMENT_SIZE, null);
  }
}
