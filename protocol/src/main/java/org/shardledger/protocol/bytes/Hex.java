package org.shardledger.protocol.bytes;

import java.math.BigInteger;
import java.util.HexFormat;

/** Ethereum-style hex: data as {@code 0x}-prefixed even-length strings, quantities as minimal {@code 0x} numbers. */
public final class Hex {
  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  public static String encode(byte[] data) {
    return "0x" + LOWER.formatHex(data);
  }

  public static String encode(byte[] data, int offset, int length) {
    return "0x" + LOWER.formatHex(data, offset, offset + length);
  }

  /** Decodes {@code 0x}-prefixed (or bare) hex data of even length; rejects anything else with a clear message. */
  public static byte[] decode(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("hex data is missing");
    }
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("hex data must have an even number of digits: " + abbreviate(hex));
    }
    try {
      return LOWER.parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not hex data: " + abbreviate(hex), e);
    }
  }

  /** A JSON-RPC quantity: {@code 0x0}, {@code 0x1f}, no leading zeros. */
  public static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("quantities are non-negative: " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  public static String quantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("quantities are non-negative: " + value);
    }
    return "0x" + value.toString(16);
  }

  /** Parses a quantity given as {@code 0x} hex or as a decimal string. */
  public static BigInteger parseQuantity(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("quantity is missing");
    }
    try {
      BigInteger value = text.startsWith("0x") || text.startsWith("0X")
          ? new BigInteger(text.substring(2), 16)
          : new BigInteger(text, 10);
      if (value.signum() < 0) {
        throw new IllegalArgumentException("quantity is negative: " + abbreviate(text));
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a quantity: " + abbreviate(text), e);
    }
  }

  public static long parseLongQuantity(String text) {
    BigInteger value = parseQuantity(text);
    if (value.bitLength() > 63) {
      throw new IllegalArgumentException("quantity too large: " + abbreviate(text));
    }
    return value.longValueExact();
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? '"' + s + '"' : '"' + s.substring(0, 20) + "…\" (" + s.length() + " chars)";
  }
}
