package org.shardledger.protocol.merkle;

import java.util.Arrays;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * Builds an RFC 9162 tree from left to right in O(log n) memory. Perfect subtrees are pushed in order
 * (leaves have height 0); equal neighbours merge at once. The root folds what is left from the right, which is
 * exactly RFC 9162's split at the largest power of two below n.
 */
final class SubtreeStack {
  private final MerkleHasher hasher;
  private byte[] hashes = new byte[64 * Bytes32.SIZE];
  private int[] heights = new int[64];
  private int depth;

  SubtreeStack(MerkleHasher hasher) {
    this.hasher = hasher;
  }

  /** Pushes the root of a perfect subtree of 2^height leaves, which must start where the previous one ended. */
  void push(int height, byte[] hash, int offset) {
    if (depth > 0 && heights[depth - 1] < height) {
      throw new IllegalStateException("subtree of height " + height + " after one of height " + heights[depth - 1]);
    }
    if (depth == heights.length) {
      heights = Arrays.copyOf(heights, depth * 2);
      hashes = Arrays.copyOf(hashes, depth * 2 * Bytes32.SIZE);
    }
    System.arraycopy(hash, offset, hashes, depth * Bytes32.SIZE, Bytes32.SIZE);
    heights[depth++] = height;
    while (depth > 1 && heights[depth - 1] == heights[depth - 2]) {
      int left = (depth - 2) * Bytes32.SIZE;
      hasher.node(hashes, left, hashes, left + Bytes32.SIZE, hashes, left);
      heights[depth - 2]++;
      depth--;
    }
  }

  boolean isEmpty() {
    return depth == 0;
  }

  /** The root of everything pushed, followed by an optional trailing (not necessarily perfect) subtree. */
  Bytes32 root(byte[] trailing) {
    if (depth == 0 && trailing == null) {
      return MerkleHasher.EMPTY_ROOT;
    }
    byte[] acc = new byte[Bytes32.SIZE];
    int i = depth;
    if (trailing != null) {
      System.arraycopy(trailing, 0, acc, 0, Bytes32.SIZE);
    } else {
      System.arraycopy(hashes, --i * Bytes32.SIZE, acc, 0, Bytes32.SIZE);
    }
    while (i > 0) {
      hasher.node(hashes, --i * Bytes32.SIZE, acc, 0, acc, 0);
    }
    return Bytes32.of(acc);
  }
}
