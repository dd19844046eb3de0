package org.shardledger.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.protocol.bytes.BitFlips.flip;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;
import org.shardledger.protocol.bytes.Bytes32;


class MerkleTreePropertyTest {

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  private static List<byte[]> randomLeaves(int n, Random random) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] leaf = new byte[random.nextInt(40)];
      random.nextBytes(leaf);
      leaves.add(leaf);
    }
    return leaves;
  }

  private static MerkleTree treeOf(List<byte[]> leaves) {
    MerkleHasher hasher = new MerkleHasher();
    byte[] hashes = new byte[leaves.size() * 32];
    for (int i = 0; i < leaves.size(); i++) {
      hasher.leaf(leaves.get(i), 0, leaves.get(i).length, hashes, i * 32);
    }
    return MerkleTree.fromLeafHashes(hashes, leaves.size());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rootEqualsTheRecursiveDefinition(long seed) {
    Random random = new Random(seed);
    List<byte[]> leaves = randomLeaves(random.nextInt(301), random);
    assertThat(treeOf(leaves).root()).isEqualTo(Bytes32.of(ReferenceMerkle.mth(leaves)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyAuditPathEqualsTheRecursiveDefinitionAndVerifies(long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(100);
    List<byte[]> leaves = randomLeaves(n, random);
    MerkleTree tree = treeOf(leaves);
    for (int m = 0; m < n; m++) {
      List<Bytes32> path = tree.auditPath(m);
      assertThat(path).isEqualTo(ReferenceMerkle.path(m, leaves).stream().map(Bytes32::of).toList());
      assertThat(AuditPath.expectedLength(m, n)).isEqualTo(path.size());
      assertThat(AuditPath.verify(tree.root(), m, n, tree.leafHash(m), path)).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyFlippedBitOrWrongIndexOrSizeFails(long seed) {
    Random random = new Random(seed);
    int n = 2 + random.nextInt(100);
    MerkleTree tree = treeOf(randomLeaves(n, random));
    int m = random.nextInt(n);
    int bit = random.nextInt(256);
    List<Bytes32> path = tree.auditPath(m);
    Bytes32 leaf = tree.leafHash(m);

    for (int p = 0; p < path.size(); p++) {
      List<Bytes32> wrong = new ArrayList<>(path);
      wrong.set(p, flip(path.get(p), bit));
      assertThat(AuditPath.verify(tree.root(), m, n, leaf, wrong)).as("node %d bit %d", p, bit).isFalse();
    }
    assertThat(AuditPath.verify(tree.root(), m, n, flip(leaf, bit), path)).isFalse();
    assertThat(AuditPath.verify(flip(tree.root(), bit), m, n, leaf, path)).isFalse();
    int other = (m + 1 + random.nextInt(n - 1)) % n;
    assertThat(AuditPath.verify(tree.root(), other, n, leaf, path)).as("index %d for %d", other, m).isFalse();
  }
}
