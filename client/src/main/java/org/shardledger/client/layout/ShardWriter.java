package org.shardledger.client.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongConsumer;
import org.shardledger.client.coding.ReedSolomon;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * Writes one part's shards: reads the ciphertext a stripe (k × shareSize bytes) at a time, zero-pads the last,
 * codes it into k + m shares and appends share i to shard file i, committing every shard (RFC 9162, 4096-byte
 * segments by default) as it goes. The calling thread reads and codes stripe s + 1 while other threads write and
 * hash stripe s ({@link ShardSinks}), so memory is two stripes. Each shard file appears atomically, whole, or not
 * at all.
 */
public final class ShardWriter {
  private ShardWriter() {}

  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles)
      throws IOException {
    return write(ciphertext, params, shardFiles, ShardCommitment.DEFAULT_SEGMENT_SIZE);
  }

  /** With a shard segment size other than 4096 (a power of two that divides the share size). */
  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles,
      int segmentSize) throws IOException {
    return write(ciphertext, params, shardFiles, segmentSize, done -> { });
  }

  /** Reports the ciphertext bytes consumed so far to {@code progress} after each stripe. */
  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles,
      int segmentSize, LongConsumer progress) throws IOException {
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
    ReedSolomon coder = ReedSolomon.of(params.dataShards(), params.parityShards());
    int k = params.dataShards();
    int shareSize = params.shareSize();
    byte[][][] stripes = {new byte[n][shareSize], new byte[n][shareSize]};
    List<PendingFile> files = new ArrayList<>(n);
    try (ShardSinks sinks = new ShardSinks(files, n)) {
      CommitmentBuilder[] commitments = new CommitmentBuilder[n];
      for (int i = 0; i < n; i++) {
        commitments[i] = new CommitmentBuilder(segmentSize);
        files.add(PendingFile.create(shardFiles.get(i)));
      }
      long total = 0;
      long count = 0;
      while (true) {
        byte[][] shares = stripes[(int) (count & 1)];
        int filled = 0;
        for (int i = 0; i < k; i++) {
          int got = ciphertext.readNBytes(shares[i], 0, shareSize);
          Arrays.fill(shares[i], got, shareSize, (byte) 0);
          filled += got;
        }
        if (filled == 0 && count > 0) {
          break;
        }
        total += filled;
        count++;
        progress.accept(total);
        coder.encode(shares, 0, shareSize);
        sinks.await();
        sinks.submit(shares, commitments);
        if (filled < params.stripeDataSize()) {
          break;
        }
      }
      sinks.await();
      List<ShardInfo> shards = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        shards.add(ShardInfo.of(i, commitments[i].finish()));
      }
      for (PendingFile file : files) {
        file.commit();
      }
      return new StripedPart(total, params, shards);
    } finally {
      for (PendingFile file : files) {
        file.close();
      }
    }
  }
}
