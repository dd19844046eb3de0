package org.shardledger.client.keys;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.shardledger.client.crypto.Hkdf;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.PersonalMessage;

/**
 * A participant's X25519 key, derived from its account key so the keystore stays the only secret: sk =
 * HKDF-SHA256(salt = "shardledger.x25519.v1", ikm = the 65-byte personal_sign signature r ‖ s ‖ v of
 * {@value #MESSAGE}, info empty, 32 bytes), clamped as RFC 7748 says. RFC 6979 makes the signature, and so the key,
 * the same every time. {@link #toString()} never shows the private key.
 */
public final class EncryptionKey {
  public static final String MESSAGE = "shardledger: derive my encryption key (v1)";
  static final byte[] SALT = "shardledger.x25519.v1".getBytes(StandardCharsets.UTF_8);

  private final Address account;
  private final byte[] privateKey;
  private final X25519PublicKey publicKey;

  private EncryptionKey(Address account, byte[] privateKey) {
    this.account = account;
    this.privateKey = privateKey;
    byte[] pub = new byte[X25519.POINT_SIZE];
    X25519.scalarMultBase(privateKey, 0, pub, 0);
    this.publicKey = X25519PublicKey.of(pub);
  }

  public static EncryptionKey derive(KeyPair account) {
    byte[] signature = PersonalMessage.sign(account, MESSAGE).toArray();
    byte[] sk = Hkdf.sha256(SALT, signature, new byte[0], 32);
    clamp(sk);
    return new EncryptionKey(account.address(), sk);
  }

  /** RFC 7748 §5: clear the low three bits and the top bit, set bit 254. */
  static void clamp(byte[] k) {
    k[0] &= (byte) 248;
    k[31] &= 127;
    k[31] |= 64;
  }

  public Address account() {
    return account;
  }

  public X25519PublicKey publicKey() {
    return publicKey;
  }

  /** The clamped private scalar, a copy; for HPKE only. */
  byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public String toString() {
    return "EncryptionKey[" + account + ", " + publicKey + "]";
  }
}
