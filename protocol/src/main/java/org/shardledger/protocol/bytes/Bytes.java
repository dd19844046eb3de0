package org.shardledger.protocol.bytes;

import java.security.MessageDigest;
import java.util.Arrays;

/** An immutable byte string of any length (a segment, a signature). Compares by content. */
public final class Bytes {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Bytes of(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  public static Bytes of(byte[] source, int offset, int length) {
    return new Bytes(Arrays.copyOfRange(source, offset, offset + length));
  }

  public static Bytes fromHex(String hex) {
    return new Bytes(Hex.decode(hex));
  }

  public int length() {
    return bytes.length;
  }

  public byte get(int i) {
    return bytes[i];
  }

  /** Returns a copy. */
  public byte[] toArray() {
    return bytes.clone();
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  /** Feeds the bytes to a digest without copying them. */
  public void updateDigest(MessageDigest digest) {
    digest.update(bytes);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes.length <= 40 ? toHex() : Hex.encode(bytes, 0, 16) + "…(" + bytes.length + " bytes)";
  }
}
