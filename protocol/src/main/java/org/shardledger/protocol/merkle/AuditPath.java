package org.shardledger.protocol.merkle;

import java.util.List;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;

/** Verification of RFC 9162 audit paths (§2.1.3.2), for trees of any size. */
public final class AuditPath {
  private AuditPath() {}

  /** How many nodes the audit path of leaf {@code index} in a tree of {@code size} leaves has. */
  public static int expectedLength(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("leaf " + index + " of " + size);
    }
    int length = 0;
    for (long i = index, width = size; width > 1; i >>>= 1, width = (width + 1) / 2) {
      if ((i ^ 1) < width) {
        length++;
      }
    }
    return length;
  }

  /**
   * Runs RFC 9162 §2.1.3.2 and returns the root the path leads to, or empty when the path does not fit the index
   * and size (too long, too short, or index out of range).
   */
  public static Optional<Bytes32> rootFrom(long index, long size, Bytes32 leafHash, List<Bytes32> path) {
    if (index < 0 || index >= size) {
      return Optional.empty();
    }
    MerkleHasher hasher = new MerkleHasher();
    long fn = index;
    long sn = size - 1;
    Bytes32 r = leafHash;
    for (Bytes32 p : path) {
      if (sn == 0) {
        return Optional.empty();
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = hasher.node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = hasher.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 ? Optional.of(r) : Optional.empty();
  }

  public static boolean verify(Bytes32 root, long index, long size, Bytes32 leafHash, List<Bytes32> path) {
    return rootFrom(index, size, leafHash, path).map(root::equals).orElse(false);
  }
}
