package org.shardledger.protocol.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * RFC 9162 §2.1.1 written as literally as the RFC states it (recursive split at the largest power of two smaller
 * than n), with its own digest: the yardstick the optimised code is measured against.
 */
public final class ReferenceMerkle {
  private ReferenceMerkle() {}

  public static byte[] sha256(byte[]... parts) {
    MessageDigest md = Sha256.newDigest();
    for (byte[] p : parts) {
      md.update(p);
    }
    return md.digest();
  }

  public static byte[] mth(List<byte[]> leaves) {
    int n = leaves.size();
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return sha256(new byte[] {0}, leaves.get(0));
    }
    int k = Integer.highestOneBit(n - 1);
    return sha256(new byte[] {1}, mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[n]). */
  public static List<byte[]> path(int m, List<byte[]> leaves) {
    int n = leaves.size();
    List<byte[]> out = new ArrayList<>();
    if (n <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m < k) {
      out.addAll(path(m, leaves.subList(0, k)));
      out.add(mth(leaves.subList(k, n)));
    } else {
      out.addAll(path(m - k, leaves.subList(k, n)));
      out.add(mth(leaves.subList(0, k)));
    }
    return out;
  }

  /** The shard cut into segments. */
  public static List<byte[]> segments(byte[] data, int segmentSize) {
    List<byte[]> out = new ArrayList<>();
    for (int off = 0; off < data.length; off += segmentSize) {
      out.add(Arrays.copyOfRange(data, off, Math.min(data.length, off + segmentSize)));
    }
    return out;
  }

  public static Bytes32 commitmentRoot(byte[] data, int segmentSize) {
    return Bytes32.of(mth(segments(data, segmentSize)));
  }
}
