package org.shardledger.protocol.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * An Ethereum account key. {@link #toString()} never shows the private key; nothing in the project should log
 * {@link #privateKey()}.
 */
public final class KeyPair {
  private final BigInteger privateKey;
  private final Address address;

  private KeyPair(BigInteger privateKey) {
    if (privateKey.signum() <= 0 || privateKey.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("a private key is a number in [1, n) of secp256k1");
    }
    this.privateKey = privateKey;
    this.address = Secp256k1.addressOf(Secp256k1.publicPoint(privateKey));
  }

  public static KeyPair fromPrivateKey(BigInteger privateKey) {
    return new KeyPair(privateKey);
  }

  public static KeyPair fromPrivateKey(Bytes32 privateKey) {
    return new KeyPair(privateKey.toUnsignedBigInteger());
  }

  public static KeyPair fromPrivateKeyHex(String hex) {
    return fromPrivateKey(Bytes32.fromHex(hex));
  }

  public static KeyPair random(SecureRandom random) {
    while (true) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      BigInteger d = new BigInteger(1, b);
      if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
        return new KeyPair(d);
      }
    }
  }

  public Address address() {
    return address;
  }

  public BigInteger privateKey() {
    return privateKey;
  }

  /** Signs a 32-byte digest (an EIP-712 digest, or any hash): deterministic, low s, v = 27/28. */
  public Signature sign(Bytes32 digest) {
    return Secp256k1.sign(digest, privateKey);
  }

  @Override
  public String toString() {
    return "KeyPair[" + address + "]";
  }
}
