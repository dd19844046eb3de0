package org.shardledger.contracts.events;

import java.math.BigInteger;

/**
 * Range checks for chain values on their way into the node's types: unsigned integers into {@code long}s and
 * {@code int}s, strings into the lengths the node stores. A value that does not fit is a {@link DoesNotFit}
 * naming the field, caught by whoever decodes and turned into a value (an unusable deal, operator or log), never
 * an exception that escapes a batch.
 */
public final class ChainFields {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private ChainFields() {}

  /** {@code value} as a {@code long}, when 0 ≤ value < 2^63. */
  public static long u63(BigInteger value, String field) {
    if (value == null || value.signum() < 0 || value.compareTo(LONG_MAX) > 0) {
      throw new DoesNotFit(field + " " + value + " does not fit a signed 64-bit integer");
    }
    return value.longValue();
  }

  /** {@code value} as an {@code int}, when 0 ≤ value < 2^31. */
  public static int u31(BigInteger value, String field) {
    if (value == null || value.signum() < 0 || value.compareTo(INT_MAX) > 0) {
      throw new DoesNotFit(field + " " + value + " does not fit a signed 32-bit integer");
    }
    return value.intValue();
  }

  /** The most UTF-8 bytes of an operator's endpoint or region (the contract's own limit, and what mirrors keep). */
  public static final int MAX_TEXT_BYTES = 256;

  /** {@code value} when it is at most {@link #MAX_TEXT_BYTES} UTF-8 bytes. */
  public static String text(String value, String field) {
    if (value == null) {
      throw new DoesNotFit(field + " is missing");
    }
    int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEXT_BYTES) {
      throw new DoesNotFit(field + " of " + bytes + " bytes is longer than " + MAX_TEXT_BYTES);
    }
    return value;
  }

  /** A field out of the node's range; cheap (no stack trace), since strangers can cause it at will. */
  public static final class DoesNotFit extends RuntimeException {
    DoesNotFit(String message) {
      super(message, null, false, false);
    }
  }
}
