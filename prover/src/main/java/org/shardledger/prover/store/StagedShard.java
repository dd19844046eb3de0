package org.shardledger.prover.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.runtime.Writeback;

/**
 * An upload in progress, in its own staging directory: the bytes go to {@code data} as they arrive while their leaf
 * hashes build the whole tree into {@code tree}. {@link #commit()} keeps the shard only if size and root are the
 * deal's: fsync both files (the data was forced in the background as it arrived, {@link Writeback}), then one
 * atomic rename of the directory makes it visible. Until then nothing under {@code shards/} changes, so a crash
 * leaves only a staging directory, which the next start removes.
 */
public final class StagedShard {
  private final ShardStore store;
  private final Deal deal;
  private final Path directory;
  private final FileChannel data;
  private final Writeback dataWriteback;
  private final FileChannel tree;
  private final TreeFileWriter treeWriter;
  private final TreeBuilder builder;
  private final SegmentHasher hasher;
  private boolean closed;

  StagedShard(ShardStore store, Deal deal, Path directory) throws IOException {
    this.store = store;
    this.deal = deal;
    this.directory = directory;
    ShardCommitment expected = deal.commitment();
    TreeLayout layout = TreeLayout.of(expected);
    this.data = FileChannel.open(directory.resolve(StoredShard.DATA), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    this.dataWriteback = new Writeback(data, Writeback.DEFAULT_EVERY, "deal " + deal.id());
    this.tree = FileChannel.open(directory.resolve(StoredShard.TREE), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    this.treeWriter = new TreeFileWriter(tree, layout);
    this.builder = new TreeBuilder(layout, treeWriter);
    this.hasher = new SegmentHasher(expected.segmentSize(), builder);
  }

  public Deal deal() {
    return deal;
  }

  /** Appends {@code bytes}; refuses to go past the deal's size. */
  public void write(ByteBuffer bytes) throws IOException {
    if (bytes.remaining() > deal.commitment().size() - hasher.size()) {
      throw new IOException("deal " + deal.id() + " is " + deal.commitment().size() + " bytes; the upload is longer");
    }
    ByteBuffer forHash = bytes.duplicate();
    while (bytes.hasRemaining()) {
      data.write(bytes);
    }
    dataWriteback.written(forHash.remaining());
    hasher.update(forHash);
  }

  public long received() {
    return hasher.size();
  }

  /** What came of {@link #commit()}. */
  public sealed interface Outcome permits Stored, Mismatch {}

  public record Stored(StoredShard shard) implements Outcome {}

  /** The bytes are not the deal's shard; nothing was kept. */
  public record Mismatch(boolean sizeDiffers, String detail) implements Outcome {}

  public Outcome commit() throws IOException {
    ShardCommitment expected = deal.commitment();
    try {
      if (hasher.size() != expected.size()) {
        return new Mismatch(true, "received " + hasher.size() + " bytes, the deal says " + expected.size());
      }
      hasher.finish();
      Bytes32 root = builder.root();
      if (!root.equals(expected.root())) {
        return new Mismatch(false, "the shard's root is " + root + ", the deal's " + expected.root());
      }
      treeWriter.finish(expected);
      dataWriteback.await();
      data.force(true);
      tree.force(true);
      close();
      return new Stored(store.publish(deal, directory));
    } finally {
      abort();
    }
  }

  /** Drops the staged bytes and gives the reserved space back. Idempotent; never throws. */
  public void abort() {
    close();
    store.discardStaging(deal.id(), directory);
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (FileChannel c : new FileChannel[] {data, tree}) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing a file we are about to drop or have forced
      }
    }
  }
}
