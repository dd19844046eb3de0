package org.shardledger.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * Known answers published with Google's RFC 6962 implementations (the same tree hash as RFC 9162 §2.1 with
 * SHA-256): the eight leaves, the root of every prefix 1..8 and the inclusion proofs of
 * github.com/transparency-dev/merkle proof/verify_test.go (originally certificate-transparency's
 * merkle_tree_test.cc). Their leaf numbers there are 1-based; here they are 0-based indices.
 */
class Rfc9162KnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
      "5051525354555657", "606162636465666768696a6b6c6d6e6f");
  private static final List<String> ROOTS = List.of(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  private record Inclusion(int index, int size, List<String> path) {}

  private static final List<Inclusion> INCLUSIONS = List.of(
      new Inclusion(0, 1, List.of()),
      new Inclusion(0, 8, List.of(
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
      new Inclusion(5, 8, List.of(
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
      new Inclusion(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
      new Inclusion(1, 5, List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

  private static MerkleTree treeOf(int size) {
    MerkleHasher hasher = new MerkleHasher();
    byte[] hashes = new byte[size * 32];
    for (int i = 0; i < size; i++) {
      byte[] leaf = HEX.parseHex(LEAVES.get(i));
      hasher.leaf(leaf, 0, leaf.length, hashes, i * 32);
    }
    return MerkleTree.fromLeafHashes(hashes, size);
  }

  private static Bytes32 h(String hex) {
    return Bytes32.fromHex(hex);
  }

  @Test
  void emptyTreeRootIsSha256OfNothing() {
    assertThat(MerkleHasher.EMPTY_ROOT).isEqualTo(h(EMPTY_ROOT));
    assertThat(treeOf(0).root()).isEqualTo(h(EMPTY_ROOT));
  }

  @Test
  void rootOfEveryPrefixMatchesThePublishedTreeHead() {
    for (int size = 1; size <= 8; size++) {
      assertThat(treeOf(size).root()).as("size %d", size).isEqualTo(h(ROOTS.get(size - 1)));
    }
  }

  @Test
  void incrementalStackAgreesWithPublishedRoots() {
    MerkleHasher hasher = new MerkleHasher();
    for (int size = 1; size <= 8; size++) {
      SubtreeStack stack = new SubtreeStack(hasher);
      for (int i = 0; i < size; i++) {
        byte[] leaf = HEX.parseHex(LEAVES.get(i));
        stack.push(0, hasher.leaf(leaf, 0, leaf.length).toArray(), 0);
      }
      assertThat(stack.root(null)).as("size %d", size).isEqualTo(h(ROOTS.get(size - 1)));
    }
  }

  @Test
  void auditPathsMatchThePublishedInclusionProofs() {
    for (Inclusion v : INCLUSIONS) {
      List<Bytes32> expected = v.path().stream().map(Rfc9162KnownAnswerTest::h).toList();
      assertThat(treeOf(v.size()).auditPath(v.index())).as("leaf %d of %d", v.index(), v.size())
          .isEqualTo(expected);
      assertThat(AuditPath.expectedLength(v.index(), v.size())).isEqualTo(expected.size());
    }
  }

  @Test
  void publishedInclusionProofsVerify() {
    MerkleHasher hasher = new MerkleHasher();
    for (Inclusion v : INCLUSIONS) {
      byte[] leaf = HEX.parseHex(LEAVES.get(v.index()));
      List<Bytes32> path = v.path().stream().map(Rfc9162KnownAnswerTest::h).toList();
      assertThat(AuditPath.verify(h(ROOTS.get(v.size() - 1)), v.index(), v.size(),
          hasher.leaf(leaf, 0, leaf.length), path)).as("leaf %d of %d", v.index(), v.size()).isTrue();
    }
  }

  /** The corruptions the reference suite probes: none may verify. */
  @Test
  void corruptedInclusionProofsFail() {
    MerkleHasher hasher = new MerkleHasher();
    Bytes32 someHash = h("abacaba000000000000000000000000000000000000000000060061e00123456");
    for (Inclusion v : INCLUSIONS) {
      byte[] leafData = HEX.parseHex(LEAVES.get(v.index()));
      Bytes32 leaf = hasher.leaf(leafData, 0, leafData.length);
      Bytes32 root = h(ROOTS.get(v.size() - 1));
      List<Bytes32> path = v.path().stream().map(Rfc9162KnownAnswerTest::h).toList();
      long i = v.index();
      long n = v.size();
      assertThat(AuditPath.verify(root, i - 1, n, leaf, path)).isFalse();
      assertThat(AuditPath.verify(root, i + 1, n, leaf, path)).isFalse();
      if ((i ^ 2) != i && path.size() > 1) {
        assertThat(AuditPath.verify(root, i ^ 2, n, leaf, path)).isFalse();
      }
      assertThat(AuditPath.verify(root, i, n * 2, leaf, path)).isFalse();
      assertThat(AuditPath.verify(root, i, n / 2, leaf, path)).isFalse();
      assertThat(AuditPath.verify(root, i, n, someHash, path)).isFalse();
      assertThat(AuditPath.verify(h(EMPTY_ROOT), i, n, leaf, path)).isFalse();
      assertThat(AuditPath.verify(someHash, i, n, leaf, path)).isFalse();
      assertThat(AuditPath.verify(root, i, n, leaf, plus(path, path.size(), root))).isFalse();
      assertThat(AuditPath.verify(root, i, n, leaf, plus(path, 0, root))).isFalse();
      for (int p = 0; p < path.size(); p++) {
        List<Bytes32> wrong = new ArrayList<>(path);
        byte[] node = wrong.get(p).toArray();
        node[0] ^= 8;
        wrong.set(p, Bytes32.of(node));
        assertThat(AuditPath.verify(root, i, n, leaf, wrong)).as("flipped node %d", p).isFalse();
      }
      if (!path.isEmpty()) {
        assertThat(AuditPath.verify(root, i, n, leaf, path.subList(0, path.size() - 1))).isFalse();
      }
      if (path.size() > 1) {
        assertThat(AuditPath.verify(root, i, n, leaf, plus(path, 1, someHash))).isFalse();
      }
    }
  }

  private static List<Bytes32> plus(List<Bytes32> path, int at, Bytes32 extra) {
    List<Bytes32> out = new ArrayList<>(path);
    out.add(at, extra);
    return out;
  }
}
