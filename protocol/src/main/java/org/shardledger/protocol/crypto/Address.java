package org.shardledger.protocol.crypto;

import java.util.Arrays;
import java.util.Locale;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;

/** A 20-byte Ethereum account address. Compares by content; prints in EIP-55 mixed case. */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(new byte[SIZE]);

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Address of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /**
   * Parses 0x + 40 hex digits. Mixed-case input must carry a valid EIP-55 checksum; all-lower or all-upper is
   * accepted as is.
   */
  public static Address fromHex(String hex) {
    byte[] b = Hex.decode(hex);
    if (b.length != SIZE) {
      throw new IllegalArgumentException("an address is 0x + 40 hex digits, got " + b.length + " bytes");
    }
    Address address = new Address(b);
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    boolean mixed = !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixed && !address.toChecksumHex().substring(2).equals(digits)) {
      throw new IllegalArgumentException("address has a wrong EIP-55 checksum: " + hex);
    }
    return address;
  }

  /** The low 20 bytes of a 32-byte word (how an address sits in abi.encode). */
  public static Address fromWord(Bytes32 word) {
    byte[] w = word.toArray();
    for (int i = 0; i < 12; i++) {
      if (w[i] != 0) {
        throw new IllegalArgumentException("word has non-zero high bytes, not an address: " + word);
      }
    }
    return new Address(Arrays.copyOfRange(w, 12, 32));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** The address left-padded to a 32-byte ABI word. */
  public Bytes32 toWord() {
    byte[] w = new byte[32];
    System.arraycopy(bytes, 0, w, 12, SIZE);
    return Bytes32.of(w);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  public String toChecksumHex() {
    String lower = Hex.encode(bytes).substring(2);
    byte[] hash = Keccak256.hash(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray();
    StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toChecksumHex();
  }
}
