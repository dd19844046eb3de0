package org.shardledger.protocol.merkle;

import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * How a shard is retrieved verifiably: in chunks of {@value #SEGMENTS_PER_CHUNK} segments, each sent with the audit
 * path of its subtree to the root (docs/wire.md, "Retrieval"). Chunk {@code c} covers segments [256c, 256c + 256);
 * the last one may be shorter. Because RFC 9162 splits a tree at the largest power of two below its size, every
 * chunk is a subtree, and the chunk roots form an RFC 9162 tree of their own whose root is the shard's: a chunk is
 * checked with {@link AuditPath} as if its root were a leaf of that tree.
 */
public final class RetrievalChunks {
  /** A chunk's subtree sits this many levels above the leaves. */
  public static final int CHUNK_LEVEL = 8;
  public static final int SEGMENTS_PER_CHUNK = 1 << CHUNK_LEVEL;

  private RetrievalChunks() {}

  public static long chunkCount(ShardCommitment shard) {
    long segments = shard.segmentCount();
    return segments == 0 ? 0 : (segments - 1) / SEGMENTS_PER_CHUNK + 1;
  }

  /** Byte offset of chunk {@code index} in the shard. */
  public static long offset(ShardCommitment shard, long index) {
    checkIndex(shard, index);
    return index * SEGMENTS_PER_CHUNK * (long) shard.segmentSize();
  }

  /** Bytes of chunk {@code index}: 256 segments, or what is left for the last one. */
  public static long length(ShardCommitment shard, long index) {
    long start = offset(shard, index);
    return Math.min((long) SEGMENTS_PER_CHUNK * shard.segmentSize(), shard.size() - start);
  }

  /** Whether a chunk whose bytes hash to {@code chunkRoot} is chunk {@code index} of the shard, by its path. */
  public static boolean verify(ShardCommitment shard, long index, Bytes32 chunkRoot, List<Bytes32> path) {
    long count = chunkCount(shard);
    return index >= 0 && index < count && AuditPath.verify(shard.root(), index, count, chunkRoot, path);
  }

  /** The chunk's path from a tree held level by level: the path of node {@code index} at {@link #CHUNK_LEVEL}. */
  public static List<Bytes32> path(AuditPathSource tree, long index) throws java.io.IOException {
    return tree.nodePath(CHUNK_LEVEL, index);
  }

  private static void checkIndex(ShardCommitment shard, long index) {
    long count = chunkCount(shard);
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("chunk " + index + " of " + count);
    }
  }
}
