package org.shardledger.client.layout;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shardledger.client.coding.ReedSolomon;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.ShardHasher;

/**
 * Reads a part back from any k of its shard files. Offered shards are checked in index order against their size and
 * root until k are good (the data shards first, so an intact part is copied without decoding); a bad one is left
 * out and the next used. Then the stripes are read from those k, missing data shares rebuilt, and exactly the
 * part's ciphertext written.
 */
public final class ShardReader {
  private ShardReader() {}

  public static void read(StripedPart part, Map<Integer, Path> available, OutputStream out) throws IOException {
    CodingParams params = part.params();
    int k = params.dataShards();
    int n = params.totalShards();
    for (Integer index : available.keySet()) {
      if (index == null || index < 0 || index >= n) {
        throw new IllegalArgumentException("the part has shards 0.." + (n - 1) + ", offered shard " + index);
      }
    }
    List<Integer> missing = new ArrayList<>();
    Map<Integer, String> bad = new LinkedHashMap<>();
    List<Integer> good = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path file = available.get(i);
      if (file == null) {
        missing.add(i);
        continue;
      }
      if (good.size() == k) {
        continue;
      }
      String problem = check(part.shards().get(i), file);
      if (problem != null) {
        bad.put(i, problem);
      } else {
        good.add(i);
      }
    }
    if (good.size() < k) {
      throw new ShardsUnavailableException(k, missing, bad);
    }
    decode(part, good, available, out);
  }

  /** Why this file is not the shard, or null when its size and root match. */
  private static String check(ShardInfo shard, Path file) {
    try {
      long size = Files.size(file);
      if (size != shard.size()) {
        return "has " + size + " bytes, expected " + shard.size();
      }
      ShardCommitment actual = new ShardHasher(shard.segmentSize()).commit(file);
      if (!actual.root().equals(shard.root())) {
        return "root " + actual.root() + " differs from the manifest's " + shard.root();
      }
      return null;
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static void decode(StripedPart part, List<Integer> chosen, Map<Integer, Path> available, OutputStream out)
      throws IOException {
    CodingParams params = part.params();
    int k = params.dataShards();
    int n = params.totalShards();
    int shareSize = params.shareSize();
    ReedSolomon coder = ReedSolomon.of(k, params.parityShards());
    byte[][] shares = new byte[n][];
    boolean[] present = new boolean[n];
    boolean decoding = false;
    for (int i = 0; i < n; i++) {
      shares[i] = new byte[shareSize];
    }
    for (int i : chosen) {
      present[i] = true;
      decoding |= i >= k;
    }
    FileChannel[] channels = new FileChannel[n];
    try {
      for (int i : chosen) {
        channels[i] = FileChannel.open(available.get(i), StandardOpenOption.READ);
      }
      long remaining = part.ciphertextLength();
      for (long stripe = 0; stripe < part.stripes(); stripe++) {
        for (int i : chosen) {
          readFully(channels[i], shares[i], stripe * shareSize, available.get(i));
        }
        if (decoding) {
          coder.reconstructData(shares, present, 0, shareSize);
        }
        for (int i = 0; i < k && remaining > 0; i++) {
          int len = (int) Math.min(shareSize, remaining);
          out.write(shares[i], 0, len);
          remaining -= len;
        }
      }
    } finally {
      for (FileChannel channel : channels) {
        if (channel != null) {
          channel.close();
        }
      }
    }
  }

  private static void readFully(FileChannel channel, byte[] target, long position, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(target);
    while (buffer.hasRemaining()) {
      int got = channel.read(buffer, position + buffer.position());
      if (got < 0) {
        throw new EOFException(file + " became shorter while it was read");
      }
    }
  }
}
