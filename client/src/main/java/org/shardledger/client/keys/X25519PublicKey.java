package org.shardledger.client.keys;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;

/** A 32-byte X25519 public key (RFC 7748 u-coordinate, little-endian). Compares by content; prints as 0x-hex. */
public record X25519PublicKey(Bytes32 value) {
  public static final int SIZE = 32;

  public X25519PublicKey {
    Objects.requireNonNull(value, "value");
  }

  public static X25519PublicKey of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("an X25519 public key has 32 bytes, got " + bytes.length);
    }
    return new X25519PublicKey(Bytes32.of(bytes));
  }

  public static X25519PublicKey fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  public byte[] toArray() {
    return value.toArray();
  }

  public String toHex() {
    return value.toHex();
  }

  @Override
  public String toString() {
    return toHex();
  }
}
