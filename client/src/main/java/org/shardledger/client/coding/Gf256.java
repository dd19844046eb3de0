package org.shardledger.client.coding;

/** Arithmetic in GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator 2, as ISA-L uses. */
final class Gf256 {
  static final int POLYNOMIAL = 0x11D;

  private static final int[] EXP = new int[512];
  private static final int[] LOG = new int[256];

  /** {@code PRODUCTS[(a << 8) | b] = a · b}: the 256-entry table of coefficient a starts at {@code a << 8}. */
  static final byte[] PRODUCTS = new byte[256 * 256];

  static {
    int x = 1;
    for (int i = 0; i < 255; i++) {
      EXP[i] = x;
      LOG[x] = i;
      x <<= 1;
      if ((x & 0x100) != 0) {
        x ^= POLYNOMIAL;
      }
    }
    for (int i = 255; i < EXP.length; i++) {
      EXP[i] = EXP[i - 255];
    }
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        PRODUCTS[(a << 8) | b] = (byte) mul(a, b);
      }
    }
  }

  private Gf256() {}

  static int mul(int a, int b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return EXP[LOG[a] + LOG[b]];
  }

  static int inv(int a) {
    if (a == 0) {
      throw new ArithmeticException("0 has no inverse in GF(2^8)");
    }
    return EXP[255 - LOG[a]];
  }
}
