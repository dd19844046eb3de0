package org.shardledger.client.layout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Writes exactly the part's ciphertext to {@code out} (not closed). */
  public static void read(StripedPart part, Map<Integer, Path> available, OutputStream out) throws IOException {
    read(part, available, RootCheck.HASH_EACH_SHARD, out);
  }

  /** {@link #read(StripedPart, Map, OutputStream)}, hashing the shard files against their roots only if asked. */
  public static void read(StripedPart part, Map<Integer, Path> available, RootCheck roots, OutputStream out)
      throws IOException {
    try (ShardInputStream in = open(part, available, roots)) {
      in.transferTo(out);
    }
  }

  /**
   * Checks the offered shards and returns the part's ciphertext as a stream (for a consumer that pulls, such as a
   * decrypting stream). Throws {@link ShardsUnavailableException} before anything is read if fewer than k are good.
   */
  public static ShardInputStream open(StripedPart part, Map<Integer, Path> available) throws IOException {
    return open(part, available, RootCheck.HASH_EACH_SHARD);
  }

  /** {@link #open(StripedPart, Map)}, hashing the shard files against their roots only if {@code roots} asks. */
  public static ShardInputStream open(StripedPart part, Map<Integer, Path> available, RootCheck roots)
      throws IOException {
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
      String problem = check(part.shards().get(i), file, roots);
      if (problem != null) {
        bad.put(i, problem);
      } else {
        good.add(i);
      }
    }
    if (good.size() < k) {
      throw new ShardsUnavailableException(k, missing, bad);
    }
    return new ShardInputStream(part, good, available);
  }

  /** Why this file is not the shard, or null when its size and (if asked) its root match. */
  private static String check(ShardInfo shard, Path file, RootCheck roots) {
    try {
      long size = Files.size(file);
      if (size != shard.size()) {
        return "has " + size + " bytes, expected " + shard.size();
      }
      if (roots == RootCheck.CHECKED_ON_ARRIVAL) {
        return null;
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
}
