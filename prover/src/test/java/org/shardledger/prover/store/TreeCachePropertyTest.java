package org.shardledger.prover.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.merkle.MerkleTree;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.testkit.PropertySeeds;

/** The streamed tree cache holds exactly the RFC 9162 tree: same root, same audit path for every leaf. */
class TreeCachePropertyTest {
  @TempDir
  Path dir;

  /** Seeded cases (docs/decisions/0001); count from shardledger.property.tries. */
  static Stream<Long> seeds() {
    return PropertySeeds.seeds(0x7ee0_0000L, PropertySeeds.tries());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cacheHasTheRootAndThePathsOfTheReferenceTree(long seed) throws IOException {
    Random random = new Random(seed);
    int segmentSize = 256 << random.nextInt(3);
    byte[] data = new byte[random.nextInt(70) * segmentSize + (random.nextBoolean() ? random.nextInt(segmentSize) : 0)];
    random.nextBytes(data);
    ShardCommitment expected = new CommitmentBuilder(segmentSize).update(data).finish();

    Path file = dir.resolve("tree-" + seed);
    TreeLayout layout = TreeLayout.of(expected);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      TreeFileWriter writer = new TreeFileWriter(out, layout);
      TreeBuilder builder = new TreeBuilder(layout, writer);
      SegmentHasher hasher = new SegmentHasher(segmentSize, builder);
      for (int offset = 0; offset < data.length; ) {
        int n = Math.min(data.length - offset, 1 + random.nextInt(3 * segmentSize));
        hasher.update(ByteBuffer.wrap(data, offset, n));
        offset += n;
      }
      hasher.finish();
      assertThat(builder.root()).isEqualTo(expected.root());
      writer.finish(expected);
    }

    TreeFile tree = TreeFile.open(file);
    assertThat(tree.commitment()).isEqualTo(expected);
    int n = (int) expected.segmentCount();
    MerkleHasher hasher = new MerkleHasher();
    byte[] leaves = new byte[n * Bytes32.SIZE];
    for (int i = 0; i < n; i++) {
      hasher.leaf(data, i * segmentSize, Math.min(segmentSize, data.length - i * segmentSize), leaves, i * 32);
    }
    MerkleTree reference = MerkleTree.fromLeafHashes(leaves, n);
    for (int i = 0; i < n; i++) {
      assertThat(tree.auditPath(i)).as("path of leaf %d of %d", i, n).isEqualTo(reference.auditPath(i));
      assertThat(tree.node(0, i)).isEqualTo(reference.leafHash(i));
    }
  }
}
