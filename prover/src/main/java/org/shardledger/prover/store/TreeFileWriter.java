package org.shardledger.prover.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.ShardCommitment;

/** Writes nodes into a tree cache file, each level through its own small buffer of sequential writes. */
final class TreeFileWriter implements TreeBuilder.NodeSink {
  private static final int LEVEL_BUFFER = 64 << 10;

  private final FileChannel file;
  private final TreeLayout layout;
  private final ByteBuffer[] buffers;
  private final long[] flushedUpTo;

  TreeFileWriter(FileChannel file, TreeLayout layout) {
    this.file = file;
    this.layout = layout;
    this.buffers = new ByteBuffer[layout.levels()];
    this.flushedUpTo = new long[layout.levels()];
    for (int level = 0; level < layout.levels(); level++) {
      buffers[level] = ByteBuffer.allocate((int) Math.min(LEVEL_BUFFER, layout.width(level) * Bytes32.SIZE));
    }
  }

  @Override
  public void node(int level, long index, byte[] hash, int offset) throws IOException {
    ByteBuffer b = buffers[level];
    if (!b.hasRemaining()) {
      flush(level);
    }
    b.put(hash, offset, Bytes32.SIZE);
  }

  private void flush(int level) throws IOException {
    ByteBuffer b = buffers[level].flip();
    long position = layout.position(level, flushedUpTo[level]);
    flushedUpTo[level] += b.remaining() / Bytes32.SIZE;
    while (b.hasRemaining()) {
      position += file.write(b, position);
    }
    b.clear();
  }

  /** Writes what is buffered and the header naming the commitment. */
  void finish(ShardCommitment commitment) throws IOException {
    for (int level = 0; level < buffers.length; level++) {
      flush(level);
    }
    ByteBuffer header = TreeLayout.header(commitment);
    long position = 0;
    while (header.hasRemaining()) {
      position += file.write(header, position);
    }
  }
}
