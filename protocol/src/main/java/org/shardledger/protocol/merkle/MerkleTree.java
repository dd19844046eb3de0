package org.shardledger.protocol.merkle;

import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * A whole RFC 9162 tree held in memory, level by level, for producing audit paths. Level 0 holds the leaf hashes;
 * a lone last node of a level is promoted unchanged to the next, which yields exactly RFC 9162's left-balanced
 * shape. Holds 64 bytes per leaf: fine for shards up to tens of GiB at 4 KiB segments.
 */
public final class MerkleTree implements AuditPathSource {
  /** 2^26 leaves = 2 GiB of leaf hashes: the most one byte array per level can hold. */
  public static final int MAX_LEAVES = 1 << 26;

  private final int leafCount;
  private final byte[][] levels;

  private MerkleTree(int leafCount, byte[][] levels) {
    this.leafCount = leafCount;
    this.levels = levels;
  }

  /** Builds the tree over {@code count} leaf hashes stored back to back (32 bytes each). Takes ownership. */
  public static MerkleTree fromLeafHashes(byte[] leafHashes, int count) {
    if (count < 0 || count > MAX_LEAVES) {
      throw new IllegalArgumentException("a tree in memory holds at most " + MAX_LEAVES + " leaves, got " + count);
    }
    if (leafHashes.length < (long) count * Bytes32.SIZE) {
      throw new IllegalArgumentException("expected " + count + " leaf hashes, got " + leafHashes.length + " bytes");
    }
    List<byte[]> levels = new ArrayList<>();
    if (count == 0) {
      return new MerkleTree(0, new byte[0][]);
    }
    MerkleHasher hasher = new MerkleHasher();
    byte[] level = leafHashes;
    int width = count;
    levels.add(level);
    while (width > 1) {
      int parentWidth = (width + 1) / 2;
      byte[] parent = new byte[parentWidth * Bytes32.SIZE];
      for (int j = 0; j < width / 2; j++) {
        hasher.node(level, 2 * j * Bytes32.SIZE, level, (2 * j + 1) * Bytes32.SIZE, parent, j * Bytes32.SIZE);
      }
      if (width % 2 == 1) {
        System.arraycopy(level, (width - 1) * Bytes32.SIZE, parent, (parentWidth - 1) * Bytes32.SIZE, Bytes32.SIZE);
      }
      levels.add(parent);
      level = parent;
      width = parentWidth;
    }
    return new MerkleTree(count, levels.toArray(new byte[0][]));
  }

  @Override
  public long leafCount() {
    return leafCount;
  }

  @Override
  public Bytes32 root() {
    return leafCount == 0 ? MerkleHasher.EMPTY_ROOT : Bytes32.of(levels[levels.length - 1], 0);
  }

  public Bytes32 leafHash(long index) {
    checkIndex(index);
    return Bytes32.of(levels[0], (int) index * Bytes32.SIZE);
  }

  /** The RFC 9162 §2.1.3.1 audit path of leaf {@code index}, from the leaf's sibling up. */
  @Override
  public List<Bytes32> auditPath(long index) {
    checkIndex(index);
    return nodePath(0, index);
  }

  @Override
  public List<Bytes32> nodePath(int level, long index) {
    if (level < 0) {
      throw new IllegalArgumentException("level must not be negative: " + level);
    }
    List<Bytes32> path = new ArrayList<>(levels.length);
    if (level >= levels.length) {
      if (index != 0) {
        throw new IndexOutOfBoundsException("node " + index + " above the root");
      }
      return List.of();
    }
    int width = leafCount;
    for (int l = 0; l < level; l++) {
      width = (width + 1) / 2;
    }
    if (index < 0 || index >= width) {
      throw new IndexOutOfBoundsException("node " + index + " of " + width + " at level " + level);
    }
    int i = (int) index;
    for (int l = level; width > 1; l++) {
      int sibling = i ^ 1;
      if (sibling < width) {
        path.add(Bytes32.of(levels[l], sibling * Bytes32.SIZE));
      }
      i >>>= 1;
      width = (width + 1) / 2;
    }
    return List.copyOf(path);
  }

  private void checkIndex(long index) {
    if (index < 0 || index >= leafCount) {
      throw new IndexOutOfBoundsException("leaf " + index + " of " + leafCount);
    }
  }
}
