package org.shardledger.wire.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.RetrievalChunks;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * Checks a retrieved shard chunk by chunk against the root the client already knows, and writes a chunk to the
 * target only once it verified: the target never holds a byte that is not the shard's. Holds one chunk in memory.
 * Used from one thread at a time (the retrieval's serial writer).
 */
final class ChunkVerifier {
  /** A chunk that does not hash to the root through its path: the operator is lying (or its disk is). */
  static final class Mismatch extends IOException {
    final long chunk;

    Mismatch(long chunk, String message) {
      super(message);
      this.chunk = chunk;
    }
  }

  private final ShardCommitment shard;
  private final WritableByteChannel target;
  private final ByteBuffer buffer;
  private long chunk = -1;
  private List<Bytes32> path;
  private volatile long verifiedBytes;

  ChunkVerifier(ShardCommitment shard, WritableByteChannel target, int maxChunkBytes) {
    this.shard = shard;
    this.target = target;
    long chunkBytes = (long) RetrievalChunks.SEGMENTS_PER_CHUNK * shard.segmentSize();
    if (chunkBytes > maxChunkBytes) {
      throw new IllegalArgumentException("chunks of " + chunkBytes + " bytes (segment size " + shard.segmentSize()
          + ") exceed the client's limit of " + maxChunkBytes);
    }
    this.buffer = ByteBuffer.allocate((int) Math.min(chunkBytes, Math.max(shard.size(), 1)));
  }

  /** The next chunk and its path; its bytes follow through {@link #accept}. */
  void begin(long index, List<Bytes32> chunkPath) {
    chunk = index;
    path = chunkPath;
    buffer.clear().limit((int) RetrievalChunks.length(shard, index));
  }

  void accept(ByteBuffer data) throws IOException {
    if (data.remaining() > buffer.remaining()) {
      throw new Mismatch(chunk, "chunk " + chunk + " has more bytes than its " + buffer.limit());
    }
    buffer.put(data);
    if (!buffer.hasRemaining()) {
      check();
    }
  }

  private void check() throws IOException {
    buffer.flip();
    Bytes32 chunkRoot = new CommitmentBuilder(shard.segmentSize())
        .update(buffer.array(), 0, buffer.limit()).finish().root();
    if (!RetrievalChunks.verify(shard, chunk, chunkRoot, path)) {
      throw new Mismatch(chunk, "chunk " + chunk + " does not match the root " + shard.root() + " through its path");
    }
    while (buffer.hasRemaining()) {
      target.write(buffer);
    }
    verifiedBytes += buffer.limit();
  }

  /** Bytes that verified and were written to the target. */
  long verifiedBytes() {
    return verifiedBytes;
  }
}
