package org.shardledger.protocol.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

class PayoutTreeTest {
  private static final Address A = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  private static final Address B = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  private static final Address C = Address.fromHex("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

  static Stream<Long> seeds() {
    return PropertySeeds.seeds(30);
  }

  /** Root and proofs printed by @openzeppelin/merkle-tree 1.0.8 StandardMerkleTree.of(…, ["address","uint256"]). */
  @Test
  void matchesOpenZeppelinsStandardMerkleTree() {
    PayoutTree tree = PayoutTree.of(Map.of(A, BigInteger.valueOf(1000),
        B, new BigInteger("2500000000000000000"), C, BigInteger.valueOf(7)));
    assertThat(tree.root().toHex()).isEqualTo("0x497e39af4b1d6df23a7c5e716d5d90b381dbd3cb75f440e72702320feabc4634");
    assertThat(tree.proof(A).orElseThrow()).containsExactly(
        Bytes32.fromHex("0x0c9815c8d4344973c60acc302afe0d84c70f5ad28c397660fac5f9417d341308"),
        Bytes32.fromHex("0x3b430560df7071272627a5a2b513424d0df9ea03283bebff3aae83ebc203d4db"));
    assertThat(tree.proof(B).orElseThrow()).containsExactly(
        Bytes32.fromHex("0xeeb398b346d4214eac7ca51d135c043d5975a1a3d63f69ae42da8b4766bf2338"));

    PayoutTree one = PayoutTree.of(Map.of(A, BigInteger.valueOf(1000)));
    assertThat(one.root().toHex()).isEqualTo("0x32c2ba10ed6837a09624e09b293d5f4e914631c2a33c19d7e3518b676e0ff043");
    assertThat(one.proof(A).orElseThrow()).isEmpty();
  }

  @Test
  void emptyTreeHasRootZeroAndZeroBalancesAreLeftOut() {
    assertThat(PayoutTree.of(Map.of()).root()).isEqualTo(Bytes32.ZERO);
    PayoutTree tree = PayoutTree.of(Map.of(A, BigInteger.ZERO, C, BigInteger.valueOf(7)));
    assertThat(tree.size()).isEqualTo(1);
    assertThat(tree.proof(A)).isEmpty();
    assertThat(tree.root()).isEqualTo(PayoutTree.of(Map.of(C, BigInteger.valueOf(7))).root());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyAccountsProofVerifiesAndNoOtherAmountDoes(long seed) {
    Random random = new Random(seed);
    Map<Address, BigInteger> amounts = new HashMap<>();
    int n = 1 + random.nextInt(300);
    for (int i = 0; i < n; i++) {
      byte[] a = new byte[20];
      random.nextBytes(a);
      amounts.put(Address.of(a), BigInteger.valueOf(1 + random.nextInt(1_000_000)));
    }
    PayoutTree tree = PayoutTree.of(amounts);
    for (Map.Entry<Address, BigInteger> e : amounts.entrySet()) {
      List<Bytes32> proof = tree.proof(e.getKey()).orElseThrow();
      assertThat(PayoutTree.verify(tree.root(), e.getKey(), e.getValue(), proof)).isTrue();
      assertThat(PayoutTree.verify(tree.root(), e.getKey(), e.getValue().add(BigInteger.ONE), proof)).isFalse();
    }
  }
}
