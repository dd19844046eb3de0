package org.shardledger.prover.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.proof.SegmentReader;

/**
 * An open stored shard: its data file and its memory-mapped tree cache, kept open between challenges so that a
 * challenge costs only the reads it needs (no open, no mmap, no page-table faults on pages already mapped). Safe
 * for concurrent use (positional reads only). Files are released by the JDK's cleaner once the reader is dropped.
 */
public final class ShardReader implements SegmentReader {
  private final StoredShard shard;
  private final FileChannel data;
  private final TreeFile tree;

  ShardReader(StoredShard shard) throws IOException {
    this.shard = shard;
    this.tree = TreeFile.open(shard.tree());
    this.data = FileChannel.open(shard.data(), StandardOpenOption.READ);
  }

  public StoredShard shard() {
    return shard;
  }

  public TreeFile tree() {
    return tree;
  }

  /** Reads segment {@code index}; a shard file shorter than its commitment is {@link TruncatedShardException}. */
  @Override
  public Bytes read(long index, int length) throws IOException {
    ByteBuffer segment = ByteBuffer.allocate(length);
    long position = index * shard.commitment().segmentSize();
    while (segment.hasRemaining()) {
      if (data.read(segment, position + segment.position()) < 0) {
        throw new TruncatedShardException("shard of deal " + shard.dealId() + " ends before segment " + index);
      }
    }
    return Bytes.of(segment.array());
  }

  /** The shard file is shorter than its commitment: damaged on disk. */
  public static final class TruncatedShardException extends IOException {
    TruncatedShardException(String message) {
      super(message);
    }
  }
}
