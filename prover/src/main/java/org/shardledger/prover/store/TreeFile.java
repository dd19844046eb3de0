package org.shardledger.prover.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.AuditPathSource;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * A shard's tree cache file, memory-mapped read-only: an audit path costs log(n) 32-byte reads from the page cache
 * and no hashing. Regions of at most 1 GiB, so trees of any size map; a node never straddles two regions (both the
 * header and the region size are multiples of 32).
 */
public final class TreeFile implements AuditPathSource {
  private static final long REGION = 1L << 30;

  private final ShardCommitment commitment;
  private final TreeLayout layout;
  private final MappedByteBuffer[] regions;

  private TreeFile(ShardCommitment commitment, TreeLayout layout, MappedByteBuffer[] regions) {
    this.commitment = commitment;
    this.layout = layout;
    this.regions = regions;
  }

  /** Maps the file; throws when it is not a whole tree cache (bad header, wrong length). */
  public static TreeFile open(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(TreeLayout.HEADER);
      while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
        // positional reads until the header is in
      }
      ShardCommitment commitment;
      try {
        commitment = TreeLayout.parseHeader(header.flip());
      } catch (RuntimeException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
      TreeLayout layout = TreeLayout.of(commitment);
      if (channel.size() != layout.length()) {
        throw new IOException(file + " has " + channel.size() + " bytes, a tree of " + commitment.segmentCount()
            + " leaves needs " + layout.length());
      }
      int count = (int) ((layout.length() + REGION - 1) / REGION);
      MappedByteBuffer[] regions = new MappedByteBuffer[count];
      for (int r = 0; r < count; r++) {
        long start = r * REGION;
        regions[r] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(REGION, layout.length() - start));
      }
      return new TreeFile(commitment, layout, regions);
    }
  }

  /** The commitment written in the header (what the shard was accepted as). */
  public ShardCommitment commitment() {
    return commitment;
  }

  @Override
  public long leafCount() {
    return commitment.segmentCount();
  }

  @Override
  public Bytes32 root() {
    return commitment.root();
  }

  /** Node {@code index} of {@code level} (level 0: leaf hashes) copied into {@code out[offset..+32)}. */
  void node(int level, long index, byte[] out, int offset) {
    long position = layout.position(level, index);
    regions[(int) (position / REGION)].get((int) (position % REGION), out, offset, Bytes32.SIZE);
  }

  Bytes32 node(int level, long index) {
    byte[] out = new byte[Bytes32.SIZE];
    node(level, index, out, 0);
    return Bytes32.of(out);
  }

  @Override
  public List<Bytes32> auditPath(long index) {
    if (index < 0 || index >= leafCount()) {
      throw new IndexOutOfBoundsException("leaf " + index + " of " + leafCount());
    }
    return nodePath(0, index);
  }

  @Override
  public List<Bytes32> nodePath(int level, long index) {
    if (level < 0) {
      throw new IllegalArgumentException("level must not be negative: " + level);
    }
    if (level >= layout.levels()) {
      if (index != 0) {
        throw new IndexOutOfBoundsException("node " + index + " above the root");
      }
      return List.of();
    }
    if (index < 0 || index >= layout.width(level)) {
      throw new IndexOutOfBoundsException("node " + index + " of " + layout.width(level) + " at level " + level);
    }
    List<Bytes32> path = new ArrayList<>(layout.levels());
    long i = index;
    for (int l = level; l < layout.levels() - 1; l++) {
      long sibling = i ^ 1;
      if (sibling < layout.width(l)) {
        path.add(node(l, sibling));
      }
      i >>>= 1;
    }
    return path;
  }
}
