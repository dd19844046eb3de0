package org.shardledger.prover.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * Re-hashes a stored shard from disk and compares every node of the rebuilt tree with its tree cache: tells a
 * damaged shard (its root is no longer the commitment's) from a damaged cache (the shard is intact, some cached
 * nodes are not), which {@link #rebuildTree} repairs.
 */
public final class ShardCheck {
  private static final int READ = 1 << 20;

  /** Paces reading (the scrubber's gentle rate); may sleep. */
  @FunctionalInterface
  public interface Pacer {
    void pace(long bytes) throws InterruptedException;
  }

  /** What a check found. */
  public sealed interface Result permits Intact, CacheDamaged, ShardDamaged {}

  public record Intact() implements Result {}

  public record CacheDamaged(long badNodes) implements Result {}

  public record ShardDamaged(String detail) implements Result {}

  private ShardCheck() {}

  public static Result check(StoredShard shard, Pacer pacer) throws IOException, InterruptedException {
    ShardCommitment commitment = shard.commitment();
    long size = Files.size(shard.data());
    if (size != commitment.size()) {
      return new ShardDamaged("the shard file has " + size + " bytes, the commitment " + commitment.size());
    }
    TreeLayout layout = TreeLayout.of(commitment);
    long[] bad = {0};
    TreeBuilder.NodeSink compare;
    try {
      TreeFile cache = TreeFile.open(shard.tree());
      byte[] cached = new byte[Bytes32.SIZE];
      compare = (level, index, hash, offset) -> {
        cache.node(level, index, cached, 0);
        if (!Arrays.equals(cached, 0, Bytes32.SIZE, hash, offset, offset + Bytes32.SIZE)) {
          bad[0]++;
        }
      };
    } catch (IOException e) {
      bad[0] = layout.length();
      compare = (level, index, hash, offset) -> { };
    }
    Bytes32 root = hash(shard.data(), commitment, new TreeBuilder(layout, compare), pacer);
    if (!root.equals(commitment.root())) {
      return new ShardDamaged("the shard hashes to root " + root + ", the commitment is " + commitment.root());
    }
    return bad[0] == 0 ? new Intact() : new CacheDamaged(bad[0]);
  }

  /** Writes a fresh tree cache from the shard (beside the old one, then an atomic rename over it). */
  public static void rebuildTree(StoredShard shard, Pacer pacer) throws IOException, InterruptedException {
    ShardCommitment commitment = shard.commitment();
    TreeLayout layout = TreeLayout.of(commitment);
    Path fresh = shard.directory().resolve(StoredShard.TREE + ".new");
    try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      TreeFileWriter writer = new TreeFileWriter(out, layout);
      Bytes32 root = hash(shard.data(), commitment, new TreeBuilder(layout, writer), pacer);
      if (!root.equals(commitment.root())) {
        throw new IOException("the shard changed while its tree was rebuilt");
      }
      writer.finish(commitment);
      out.force(true);
    }
    Files.move(fresh, shard.tree(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Directories.sync(shard.directory());
  }

  private static Bytes32 hash(Path data, ShardCommitment commitment, TreeBuilder builder, Pacer pacer)
      throws IOException, InterruptedException {
    SegmentHasher hasher = new SegmentHasher(commitment.segmentSize(), builder);
    ByteBuffer buffer = ByteBuffer.allocateDirect(READ);
    try (FileChannel in = FileChannel.open(data, StandardOpenOption.READ)) {
      while (in.read(buffer.clear()) > 0) {
        pacer.pace(buffer.position());
        hasher.update(buffer.flip());
      }
    }
    hasher.finish();
    return builder.root();
  }
}
