package org.shardledger.client.layout;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.nio.file.Path;
import org.shardledger.client.coding.ReedSolomon;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * Writes one part's shards: reads the ciphertext a stripe (k × shareSize bytes) at a time, zero-pads the last,
 * codes it into k + m shares and appends share i to shard file i, committing every shard (RFC 9162, 4096-byte
 * segments) as it goes. Memory: one stripe of k + m shares. Each shard file appears atomically, whole.
 */
public final class ShardWriter {
  private ShardWriter() {}

  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles)
      throws IOException {
    return write(ciphertext, params, shardFiles, ShardCommitment.DEFAULT_SEGMENT_SIZE);
  }

  public static StripedPart write(InputStream ciphertext, CodingParams params, List<Path> shardFiles,
      int segmentSize) throws IOException {
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
    byte[][] shares = new byte[n][shareSize];
    CommitmentBuilder[] commitments = new CommitmentBuilder[n];
    List<PendingFile> files = new ArrayList<>(n);
    try {
      for (int i = 0; i < n; i++) {
        commitments[i] = new CommitmentBuilder(segmentSize);
        files.add(PendingFile.create(shardFiles.get(i)));
      }
      long total = 0;
      long stripes = 0;
      while (true) {
        int filled = 0;
        for (int i = 0; i < k; i++) {
          int got = ciphertext.readNBytes(shares[i], 0, shareSize);
          java.util.Arrays.fill(shares[i], got, shareSize, (byte) 0);
          filled += got;
        }
        if (filled == 0 && stripes > 0) {
          break;
        }
        total += filled;
        stripes++;
        coder.encode(shares, 0, shareSize);
        for (int i = 0; i < n; i++) {
          commitments[i].update(shares[i], 0, shareSize);
          files.get(i).write(shares[i], 0, shareSize);
        }
        if (filled < params.stripeDataSize()) {
          break;
        }
      }
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
