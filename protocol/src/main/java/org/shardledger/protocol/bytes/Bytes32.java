package org.shardledger.protocol.bytes;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An immutable 32-byte value: a hash, a root, a beacon, an EVM word. Compares by content. */
public final class Bytes32 implements Comparable<Bytes32> {
  public static final int SIZE = 32;
  public static final Bytes32 ZERO = new Bytes32(new byte[SIZE]);

  private final byte[] bytes;

  private Bytes32(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies exactly 32 bytes. */
  public static Bytes32 of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
    }
    return new Bytes32(bytes.clone());
  }

  public static Bytes32 of(byte[] source, int offset) {
    if (offset < 0 || source.length - offset < SIZE) {
      throw new IllegalArgumentException("need 32 bytes at offset " + offset + " of " + source.length);
    }
    return new Bytes32(Arrays.copyOfRange(source, offset, offset + SIZE));
  }

  public static Bytes32 fromHex(String hex) {
    byte[] b = Hex.decode(hex);
    if (b.length != SIZE) {
      throw new IllegalArgumentException("expected 32 bytes of hex (66 chars with 0x), got " + b.length + " bytes");
    }
    return new Bytes32(b);
  }

  /** Solidity's {@code bytes32("text")}: the ASCII bytes left-aligned, zero-padded on the right. */
  public static Bytes32 ofAsciiLeftAligned(String text) {
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    if (ascii.length > SIZE) {
      throw new IllegalArgumentException("text longer than 32 bytes: " + text);
    }
    return new Bytes32(Arrays.copyOf(ascii, SIZE));
  }

  /** A uint256 word, big-endian. */
  public static Bytes32 ofUnsigned(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    byte[] raw = value.toByteArray();
    byte[] out = new byte[SIZE];
    int len = Math.min(raw.length, SIZE);
    System.arraycopy(raw, raw.length - len, out, SIZE - len, len);
    return new Bytes32(out);
  }

  public static Bytes32 ofUnsigned(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("not a uint: " + value);
    }
    byte[] out = new byte[SIZE];
    for (int i = 0; i < 8; i++) {
      out[SIZE - 1 - i] = (byte) (value >>> (8 * i));
    }
    return new Bytes32(out);
  }

  /** Returns a copy. */
  public byte[] toArray() {
    return bytes.clone();
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, SIZE);
  }

  public byte get(int i) {
    return bytes[i];
  }

  public BigInteger toUnsignedBigInteger() {
    return new BigInteger(1, bytes);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes32 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Bytes32 o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
