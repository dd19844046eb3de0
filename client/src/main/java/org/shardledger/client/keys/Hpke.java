package org.shardledger.client.keys;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * RFC 9180 with the pinned suite, BouncyCastle's implementation: base mode, DHKEM(X25519, HKDF-SHA256) (0x0020),
 * HKDF-SHA256 (0x0001), AES-256-GCM (0x0002). Single-shot seal and open, as RFC 9180 §6.1 defines them.
 */
final class Hpke {
  private Hpke() {}

  static HPKE suite() {
    return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }

  /** {enc, ciphertext}. */
  static byte[][] seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext,
      AsymmetricCipherKeyPair ephemeral) {
    HPKE hpke = suite();
    AsymmetricKeyParameter pkR = hpke.deserializePublicKey(recipientPublicKey);
    try {
      HPKEContextWithEncapsulation context = hpke.setupBaseS(pkR, info, ephemeral);
      return new byte[][] {context.getEncapsulation(), context.seal(aad, plaintext)};
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE seal failed", e);
    }
  }

  static AsymmetricCipherKeyPair freshEphemeral() {
    return suite().generatePrivateKey();
  }

  static AsymmetricCipherKeyPair keyPair(byte[] privateKey, byte[] publicKey) {
    return suite().deserializePrivateKey(privateKey, publicKey);
  }

  /** The plaintext, or null when the ciphertext does not authenticate under this key, info and aad. */
  static byte[] open(byte[] enc, AsymmetricCipherKeyPair recipient, byte[] info, byte[] aad, byte[] ciphertext) {
    try {
      HPKEContext context = suite().setupBaseR(enc, recipient, info);
      return context.open(aad, ciphertext);
    } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }
}
