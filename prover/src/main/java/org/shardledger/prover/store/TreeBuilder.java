package org.shardledger.prover.store;

import java.io.IOException;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.MerkleHasher;

/**
 * Builds every level of an RFC 9162 tree of a known number of leaves as the leaf hashes arrive, in O(log n) memory,
 * handing each node to a {@link NodeSink} the moment it is known (level by level, left to right within a level).
 */
final class TreeBuilder {
  /** Receives each node once: level 0 are the leaf hashes, the last level holds the root. */
  @FunctionalInterface
  interface NodeSink {
    void node(int level, long index, byte[] hash, int offset) throws IOException;
  }

  private final TreeLayout layout;
  private final NodeSink sink;
  private final MerkleHasher hasher = new MerkleHasher();
  private final long[] counts;
  private final byte[][] left;
  private final byte[][] parent;
  private final byte[] root = new byte[Bytes32.SIZE];

  TreeBuilder(TreeLayout layout, NodeSink sink) {
    this.layout = layout;
    this.sink = sink;
    this.counts = new long[layout.levels()];
    this.left = new byte[layout.levels()][Bytes32.SIZE];
    this.parent = new byte[layout.levels()][Bytes32.SIZE];
  }

  void addLeaf(byte[] hash, int offset) throws IOException {
    add(0, hash, offset);
  }

  private void add(int level, byte[] hash, int offset) throws IOException {
    long index = counts[level]++;
    if (index >= layout.width(level)) {
      throw new IllegalStateException("more leaves than the tree was laid out for");
    }
    sink.node(level, index, hash, offset);
    if (level == layout.levels() - 1) {
      System.arraycopy(hash, offset, root, 0, Bytes32.SIZE);
    } else if ((index & 1) == 1) {
      hasher.node(left[level], 0, hash, offset, parent[level], 0);
      add(level + 1, parent[level], 0);
    } else if (index == layout.width(level) - 1) {
      add(level + 1, hash, offset);
    } else {
      System.arraycopy(hash, offset, left[level], 0, Bytes32.SIZE);
    }
  }

  /** The root, once every leaf is in; SHA-256("") for a tree without leaves. */
  Bytes32 root() {
    if (layout.levels() == 0) {
      return MerkleHasher.EMPTY_ROOT;
    }
    if (counts[layout.levels() - 1] != 1) {
      throw new IllegalStateException("the tree is not complete: " + counts[0] + " of " + layout.width(0)
          + " leaves");
    }
    return Bytes32.of(root);
  }
}
