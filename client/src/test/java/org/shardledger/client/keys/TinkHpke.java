package org.shardledger.client.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.hybrid.internal.HpkeDecrypt;
import com.google.crypto.tink.hybrid.internal.HpkeEncrypt;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;

/** Tink's HPKE with the envelope suite, as an independent second implementation (empty aad, info = context). */
final class TinkHpke {
  private TinkHpke() {}

  static HpkeParameters parameters() throws GeneralSecurityException {
    return HpkeParameters.builder().setVariant(HpkeParameters.Variant.NO_PREFIX)
        .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256).setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
        .setAeadId(HpkeParameters.AeadId.AES_256_GCM).build();
  }

  static HpkePublicKey publicKey(X25519PublicKey key) throws GeneralSecurityException {
    return HpkePublicKey.create(parameters(), com.google.crypto.tink.util.Bytes.copyFrom(key.toArray()), null);
  }

  /** enc ‖ ciphertext, Tink's wire form for NO_PREFIX keys. */
  static byte[] seal(X25519PublicKey recipient, byte[] plaintext, byte[] info) throws GeneralSecurityException {
    return HpkeEncrypt.create(publicKey(recipient)).encrypt(plaintext, info);
  }

  static byte[] open(EncryptionKey own, byte[] encAndCiphertext, byte[] info) throws GeneralSecurityException {
    HpkePrivateKey priv = HpkePrivateKey.create(publicKey(own.publicKey()),
        SecretBytes.copyFrom(own.privateKey(), InsecureSecretKeyAccess.get()));
    return HpkeDecrypt.create(priv).decrypt(encAndCiphertext, info);
  }
}
