package org.shardledger.client.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.X25519;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.KeyPair;

class EncryptionKeyTest {
  static final KeyPair DEV_0 =
      KeyPair.fromPrivateKeyHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  /** {@code cast wallet sign --private-key DEV_0 "shardledger: derive my encryption key (v1)"}. */
  static final String DEV_0_SIGNATURE = "0xe6e8c23ccdbd5784a0863c5eb5bb3d7ac48e2adff73ca6bed658e77a956d7be4"
      + "04f5e38cd36ab8d0bdfb86844d4f922441c7d381e983f9ad541d7ac5562b3d031c";

  @Test
  void derivedAsPinnedFromTheWalletSignature() throws Exception {
    // independently: Tink's HKDF and Tink's X25519 over the signature a wallet makes
    byte[] sk = Hkdf.computeHkdf("HMACSHA256", Hex.decode(DEV_0_SIGNATURE),
        "shardledger.x25519.v1".getBytes(StandardCharsets.UTF_8), new byte[0], 32);
    sk[0] &= (byte) 248;
    sk[31] &= 127;
    sk[31] |= 64;
    EncryptionKey key = EncryptionKey.derive(DEV_0);
    assertThat(key.privateKey()).isEqualTo(sk);
    assertThat(key.publicKey().toArray()).isEqualTo(X25519.publicFromPrivate(sk));
    assertThat(key.account()).isEqualTo(DEV_0.address());
  }

  @Test
  void sameAccountSameKeyOtherAccountOtherKey() {
    assertThat(EncryptionKey.derive(DEV_0).publicKey()).isEqualTo(EncryptionKey.derive(DEV_0).publicKey());
    KeyPair other = KeyPair.fromPrivateKeyHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    assertThat(EncryptionKey.derive(other).publicKey()).isNotEqualTo(EncryptionKey.derive(DEV_0).publicKey());
  }

  @Test
  void theScalarIsClamped() {
    byte[] sk = EncryptionKey.derive(DEV_0).privateKey();
    assertThat(sk[0] & 7).isZero();
    assertThat(sk[31] & 0x80).isZero();
    assertThat(sk[31] & 0x40).isEqualTo(0x40);
  }

  @Test
  void toStringHidesThePrivateKey() {
    EncryptionKey key = EncryptionKey.derive(DEV_0);
    assertThat(key.toString()).doesNotContain(Hex.encode(key.privateKey()).substring(2, 20));
  }
}
