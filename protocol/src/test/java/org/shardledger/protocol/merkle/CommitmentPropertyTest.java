package org.shardledger.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;

class CommitmentPropertyTest {
  private static final int SEGMENT = 256;

  @TempDir
  Path dir;

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  /** Sizes that hit 0 and 1 byte, exact multiples, powers of two and not, and short last segments. */
  private static byte[] randomShard(Random random) {
    int segments = random.nextInt(71);
    int tail = random.nextInt(4) == 0 ? 0 : random.nextInt(SEGMENT);
    byte[] data = new byte[segments * SEGMENT + tail];
    random.nextBytes(data);
    return data;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void streamingBuilderFedInAnyPiecesEqualsTheDefinition(long seed) {
    Random random = new Random(seed);
    byte[] data = randomShard(random);
    CommitmentBuilder builder = new CommitmentBuilder(SEGMENT);
    for (int off = 0; off < data.length; ) {
      int n = Math.min(data.length - off, random.nextInt(3 * SEGMENT) + 1);
      builder.update(data, off, n);
      off += n;
    }
    ShardCommitment c = builder.finish();
    assertThat(c.root()).isEqualTo(ReferenceMerkle.commitmentRoot(data, SEGMENT));
    assertThat(c.size()).isEqualTo(data.length);
    assertThat(c.segmentCount()).isEqualTo(ReferenceMerkle.segments(data, SEGMENT).size());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parallelHasherOnFilesAndStreamsEqualsTheDefinition(long seed) throws IOException {
    Random random = new Random(seed);
    byte[] data = randomShard(random);
    ShardHasher hasher = new ShardHasher(SEGMENT, 1 + random.nextInt(3), null, 1 << random.nextInt(4));
    Path file = dir.resolve("shard-" + seed);
    Files.write(file, data);
    ShardCommitment expected = new ShardCommitment(ReferenceMerkle.commitmentRoot(data, SEGMENT), data.length,
        SEGMENT);
    assertThat(hasher.commit(file)).isEqualTo(expected);
    assertThat(hasher.commit(new ByteArrayInputStream(data))).isEqualTo(expected);
    ShardHasher.HashedShard hashed = hasher.tree(file);
    assertThat(hashed.commitment()).isEqualTo(expected);
    assertThat(hashed.tree().root()).isEqualTo(expected.root());
  }

  @Test
  void emptyShardHasNoSegmentsAndTheEmptyRoot() throws IOException {
    ShardCommitment c = new ShardHasher(SEGMENT).commit(new ByteArrayInputStream(new byte[0]));
    assertThat(c.root()).isEqualTo(MerkleHasher.EMPTY_ROOT);
    assertThat(c.segmentCount()).isZero();
  }

  @Test
  void largeShardAcrossManyDefaultChunksEqualsTheDefinition() throws IOException {
    byte[] data = new byte[5 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    long[] last = {-1};
    ShardCommitment c = new ShardHasher(4096, 2, done -> {
      assertThat(done).isGreaterThan(last[0]);
      last[0] = done;
    }).commit(new ByteArrayInputStream(data));
    assertThat(last[0]).isEqualTo(data.length);
    assertThat(c.root()).isEqualTo(ReferenceMerkle.commitmentRoot(data, 4096));
  }

  @Test
  void rejectsSegmentSizesThatAreNotPowersOfTwoInRange() {
    for (int bad : new int[] {0, 255, 300, 128, 4095, 2 << 20}) {
      assertThatThrownBy(() -> new CommitmentBuilder(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("power of two between 256 and 1048576");
    }
  }

  @Test
  void missingFileIsAClearIoError() {
    assertThatThrownBy(() -> new ShardHasher(4096).commit(Path.of("/nonexistent/shard.bin")))
        .isInstanceOf(IOException.class).hasMessageContaining("/nonexistent/shard.bin");
  }

  @Test
  void segmentLengthsOfAShortLastSegment() {
    ShardCommitment c = new ShardCommitment(MerkleHasher.EMPTY_ROOT, 1000, 256);
    assertThat(c.segmentCount()).isEqualTo(4);
    assertThat(c.segmentLength(0)).isEqualTo(256);
    assertThat(c.segmentLength(3)).isEqualTo(232);
    assertThatThrownBy(() -> c.segmentLength(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
