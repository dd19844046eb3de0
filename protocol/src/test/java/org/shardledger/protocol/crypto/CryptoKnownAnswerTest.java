package org.shardledger.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;

class CryptoKnownAnswerTest {
  /** Anvil's (and Hardhat's) first well-known development account. */
  static final String DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  @Test
  void keccakOfTheEmptyStringAndOfText() {
    assertThat(Keccak256.hash(new byte[0]).toHex())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(Keccak256.hash("transfer(address,uint256)").toHex()).startsWith("0xa9059cbb");
  }

  @Test
  void addressOfAWellKnownKey() {
    assertThat(KeyPair.fromPrivateKeyHex(DEV_KEY_0).address().toChecksumHex())
        .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  }

  @Test
  void eip55ChecksumsFromTheEip() {
    for (String a : new String[] {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
      assertThat(Address.fromHex(a.toLowerCase()).toChecksumHex()).isEqualTo(a);
      assertThat(Address.fromHex(a).toString()).isEqualTo(a);
    }
    assertThatThrownBy(() -> Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        .hasMessageContaining("checksum");
  }

  @Test
  void signaturesRecoverToTheirSignerAndNobodyElse() {
    KeyPair key = KeyPair.random(new SecureRandom());
    Bytes32 digest = Keccak256.hash("a message");
    Signature sig = key.sign(digest);
    assertThat(sig.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
    assertThat(Secp256k1.recover(digest, sig)).contains(key.address());
    assertThat(Secp256k1.recover(Keccak256.hash("another"), sig)).isNotEqualTo(java.util.Optional.of(key.address()));
    assertThat(Signature.fromBytes(sig.toArray())).isEqualTo(sig);
    assertThat(key.sign(digest)).as("deterministic (RFC 6979)").isEqualTo(sig);
  }

  @Test
  void signaturesAreBouncyCastlesRfc6979EcdsaWithLowSAndAVThatRecoversTheSigner() {
    java.util.Random random = new java.util.Random(6979);
    int[] vs = new int[2];
    for (int i = 0; i < 300; i++) {
      KeyPair key = KeyPair.fromPrivateKey(new BigInteger(256, random).mod(Secp256k1.N.subtract(BigInteger.ONE))
          .add(BigInteger.ONE));
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      ECDSASigner reference = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      reference.init(true, new ECPrivateKeyParameters(key.privateKey(), Secp256k1.CURVE));
      BigInteger[] rs = reference.generateSignature(digest);
      BigInteger lowS = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];

      Signature sig = key.sign(Bytes32.of(digest));
      assertThat(sig.r()).isEqualTo(rs[0]);
      assertThat(sig.s()).isEqualTo(lowS);
      assertThat(Secp256k1.recover(Bytes32.of(digest), sig)).contains(key.address());
      vs[sig.v() - 27]++;
    }
    assertThat(Math.min(vs[0], vs[1])).as("both v values occur").isGreaterThan(100);
  }

  @Test
  void malformedSignaturesAreRejected() {
    assertThatThrownBy(() -> Signature.fromBytes(new byte[64])).hasMessageContaining("65 bytes");
    byte[] zero = new byte[65];
    zero[64] = 27;
    assertThatThrownBy(() -> Signature.fromBytes(zero)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> new Signature(BigInteger.ONE, Secp256k1.N.subtract(BigInteger.ONE), 27))
        .as("high s is malleable and refused").hasMessageContaining("low half");
  }

  @Test
  void keysNeverPrintTheirSecret() {
    KeyPair key = KeyPair.fromPrivateKeyHex(DEV_KEY_0);
    assertThat(key.toString()).doesNotContain("ac0974bec").contains("f39Fd6e5");
  }
}
