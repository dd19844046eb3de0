package org.shardledger.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shardledger.protocol.bytes.BitFlips.flip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;
import org.shardledger.protocol.bytes.Bytes32;

class RetrievalChunksPropertyTest {
  private static final int SEGMENT = 256;

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  private static MerkleTree treeOf(byte[] data) {
    List<byte[]> segments = ReferenceMerkle.segments(data, SEGMENT);
    MerkleHasher hasher = new MerkleHasher();
    byte[] hashes = new byte[segments.size() * 32];
    for (int i = 0; i < segments.size(); i++) {
      hasher.leaf(segments.get(i), 0, segments.get(i).length, hashes, i * 32);
    }
    return MerkleTree.fromLeafHashes(hashes, segments.size());
  }

  private static byte[] chunk(byte[] data, ShardCommitment shard, long c) {
    int from = (int) RetrievalChunks.offset(shard, c);
    return Arrays.copyOfRange(data, from, from + (int) RetrievalChunks.length(shard, c));
  }

  /** Sizes around the chunk boundaries (256 segments) and the powers of two above them. */
  private static int randomSize(Random random) {
    int chunks = 1 + random.nextInt(9);
    int segments = chunks * RetrievalChunks.SEGMENTS_PER_CHUNK + random.nextInt(3) - 1 - random.nextInt(2) * 200;
    return Math.max(1, segments) * SEGMENT - random.nextInt(SEGMENT);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyChunkVerifiesWithItsPathAndTheChunksCoverTheShard(long seed) throws Exception {
    Random random = new Random(seed);
    byte[] data = new byte[randomSize(random)];
    random.nextBytes(data);
    MerkleTree tree = treeOf(data);
    ShardCommitment shard = new ShardCommitment(ReferenceMerkle.commitmentRoot(data, SEGMENT), data.length, SEGMENT);
    assertThat(tree.root()).isEqualTo(shard.root());
    long count = RetrievalChunks.chunkCount(shard);
    long covered = 0;
    for (long c = 0; c < count; c++) {
      assertThat(RetrievalChunks.offset(shard, c)).isEqualTo(covered);
      byte[] bytes = chunk(data, shard, c);
      covered += bytes.length;
      Bytes32 chunkRoot = ReferenceMerkle.commitmentRoot(bytes, SEGMENT);
      List<Bytes32> path = RetrievalChunks.path(tree, c);
      assertThat(RetrievalChunks.verify(shard, c, chunkRoot, path)).as("chunk %d of %d", c, count).isTrue();
    }
    assertThat(covered).isEqualTo(data.length);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aChunkWithOneByteChangedOrUnderAnotherIndexOrPathFails(long seed) throws Exception {
    Random random = new Random(seed);
    byte[] data = new byte[randomSize(random)];
    random.nextBytes(data);
    MerkleTree tree = treeOf(data);
    ShardCommitment shard = new ShardCommitment(tree.root(), data.length, SEGMENT);
    long count = RetrievalChunks.chunkCount(shard);
    long c = random.nextInt((int) count);
    byte[] bytes = chunk(data, shard, c);
    List<Bytes32> path = RetrievalChunks.path(tree, c);

    byte[] changed = bytes.clone();
    changed[random.nextInt(changed.length)] ^= (byte) (1 << random.nextInt(8));
    assertThat(RetrievalChunks.verify(shard, c, ReferenceMerkle.commitmentRoot(changed, SEGMENT), path)).isFalse();

    Bytes32 chunkRoot = ReferenceMerkle.commitmentRoot(bytes, SEGMENT);
    if (count > 1) {
      long other = (c + 1 + random.nextInt((int) count - 1)) % count;
      assertThat(RetrievalChunks.verify(shard, other, chunkRoot, path)).isFalse();
      assertThat(RetrievalChunks.verify(shard, c, chunkRoot, RetrievalChunks.path(tree, other))).isFalse();
      List<Bytes32> tampered = new ArrayList<>(path);
      int at = random.nextInt(tampered.size());
      tampered.set(at, flip(tampered.get(at), random.nextInt(256)));
      assertThat(RetrievalChunks.verify(shard, c, chunkRoot, tampered)).isFalse();
      assertThat(RetrievalChunks.verify(shard, c, chunkRoot, path.subList(0, path.size() - 1))).isFalse();
    }
    assertThat(RetrievalChunks.verify(shard, count, chunkRoot, path)).isFalse();
    assertThat(RetrievalChunks.verify(shard, -1, chunkRoot, path)).isFalse();
  }

  @Test
  void aShardOfOneChunkHasAnEmptyPathAndItsRootIsTheChunksRoot() throws Exception {
    byte[] data = new byte[100 * SEGMENT + 17];
    new Random(7).nextBytes(data);
    MerkleTree tree = treeOf(data);
    ShardCommitment shard = new ShardCommitment(tree.root(), data.length, SEGMENT);
    assertThat(RetrievalChunks.chunkCount(shard)).isOne();
    assertThat(RetrievalChunks.path(tree, 0)).isEmpty();
    assertThat(RetrievalChunks.verify(shard, 0, tree.root(), List.of())).isTrue();
    assertThatThrownBy(() -> RetrievalChunks.path(tree, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> RetrievalChunks.length(shard, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
