package org.shardledger.protocol.deal;

/** Epoch and size arithmetic that never wraps: the chain's values come from strangers. */
public final class Epochs {
  private Epochs() {}

  /** {@code a + b} for non-negative operands, or {@link Long#MAX_VALUE} when the sum does not fit. */
  public static long saturatingAdd(long a, long b) {
    if (a < 0 || b < 0) {
      throw new IllegalArgumentException("epochs and sizes are not negative: " + a + ", " + b);
    }
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
