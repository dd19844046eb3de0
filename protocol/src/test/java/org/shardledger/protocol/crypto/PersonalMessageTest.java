package org.shardledger.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalMessageTest {
  static final String MESSAGE = "shardledger: derive my encryption key (v1)";

  /** Signatures made by Foundry's {@code cast wallet sign --private-key KEY MESSAGE} (personal_sign). */
  @Test
  void signsLikeAWalletsPersonalSign() {
    assertThat(PersonalMessage.sign(KeyPair.fromPrivateKeyHex(CryptoKnownAnswerTest.DEV_KEY_0), MESSAGE).toHex())
        .isEqualTo("0xe6e8c23ccdbd5784a0863c5eb5bb3d7ac48e2adff73ca6bed658e77a956d7be4"
            + "04f5e38cd36ab8d0bdfb86844d4f922441c7d381e983f9ad541d7ac5562b3d031c");
    assertThat(PersonalMessage.sign(KeyPair.fromPrivateKeyHex(
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"), MESSAGE).toHex())
        .isEqualTo("0xc75d6daaaf9c7a82dbf674ecb8a058fa982559f3ae0d4b4388070ddab2bd2c28"
            + "59e3ff09e5e3026e30dde261e3ff365202fc8b5b7e694f33f8c3a4121434abf51c");
  }

  @Test
  void theDigestIsEip191VersionE() {
    // keccak256("\x19Ethereum Signed Message:\n5hello"), as every wallet library computes it
    assertThat(PersonalMessage.digest("hello").toHex())
        .isEqualTo("0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750");
  }

  @Test
  void recoversTheSignerAndNobodyElse() {
    KeyPair key = KeyPair.fromPrivateKeyHex(CryptoKnownAnswerTest.DEV_KEY_0);
    Signature sig = PersonalMessage.sign(key, MESSAGE);
    assertThat(PersonalMessage.signer(MESSAGE, sig)).contains(key.address());
    assertThat(PersonalMessage.signer(MESSAGE + ".", sig)).isNotEqualTo(java.util.Optional.of(key.address()));
  }
}
