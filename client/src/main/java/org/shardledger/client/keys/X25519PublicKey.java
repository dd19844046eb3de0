package org.shardledger.client.keys;

import java.util.Arrays;
import org.shardledger.protocol.bytes.Hex;

/** A 32-byte X25519 public key (RFC 7748 u-coordinate, little-endian). Compares by content; prints as 0x-hex. */
public final class X25519PublicKey {
  public static final int SIZE = 32;
  private final byte[] bytes;

  private X25519PublicKey(byte[] bytes) {
    this.bytes = bytes;
  }

  public static X25519PublicKey of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("an X25519 public key has 32 bytes, got " + bytes.length);
    }
    return new X25519PublicKey(bytes.clone());
  }

  public static X25519PublicKey fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof X25519PublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
