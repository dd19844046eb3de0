package org.shardledger.client.coding;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel (JDK Vector API, needs {@code --add-modules jdk.incubator.vector}): a product c · x is
 * lo[c][x & 15] XOR hi[c][x >>> 4], each a 16-entry table looked up for a whole vector at once with a byte shuffle
 * (PSHUFB / VPERMB), the split-nibble method of ISA-L and klauspost/reedsolomon. Output vectors are accumulated in
 * registers, up to four rows per pass over the inputs so each input's nibble split serves four outputs, and stored
 * once. A tail shorter than a vector goes through {@link TableKernel}.
 */
final class VectorKernel implements GfKernel {
  static final VectorKernel INSTANCE = new VectorKernel();
  private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private VectorKernel() {}

  /** Whether this JVM has SIMD vectors wide enough for a 16-entry shuffle (otherwise the API is emulated, slowly). */
  static boolean usable() {
    return LANES >= 16;
  }

  @Override
  public String toString() {
    return "vector" + SPECIES.vectorBitSize();
  }

  @Override
  public Combination prepare(int[][] coefficients) {
    return new Prepared(coefficients);
  }

  static final class Prepared implements Combination {
    private final int rows;
    private final int cols;
    private final int rowStride;
    /** For coefficient (r, c) at (r · cols + c) · 2 · LANES: the low-nibble table, then the high-nibble table. */
    private final byte[] tables;
    private final int[][] coefficients;
    /** For a tail shorter than a vector; built on first use (most calls have none). */
    private volatile TableKernel.Prepared tail;

    Prepared(int[][] coefficients) {
      rows = coefficients.length;
      cols = rows == 0 ? 0 : coefficients[0].length;
      rowStride = cols * 2 * LANES;
      tables = new byte[rows * rowStride];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int base = coefficients[r][c] << 8;
          int at = r * rowStride + c * 2 * LANES;
          for (int lane = 0; lane < LANES; lane++) {
            int nibble = lane & 15;
            tables[at + lane] = Gf256.PRODUCTS[base | nibble];
            tables[at + LANES + lane] = Gf256.PRODUCTS[base | (nibble << 4)];
          }
        }
      }
      this.coefficients = coefficients;
    }

    @Override
    public void apply(byte[][] inputs, byte[][] outputs, int offset, int len) {
      int vectorLen = SPECIES.loopBound(len);
      int end = offset + vectorLen;
      for (int x = offset; x < end; x += LANES) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
          fourRows(inputs, outputs, r, x);
        }
        for (; r + 1 < rows; r += 2) {
          twoRows(inputs, outputs, r, x);
        }
        for (; r < rows; r++) {
          oneRow(inputs, outputs, r, x);
        }
      }
      if (vectorLen < len) {
        TableKernel.Prepared t = tail;
        if (t == null) {
          t = new TableKernel.Prepared(coefficients);
          tail = t;
        }
        t.apply(inputs, outputs, end, len - vectorLen);
      }
    }

    private ByteVector times(ByteVector lo, ByteVector hi, int t) {
      return lo.selectFrom(ByteVector.fromArray(SPECIES, tables, t))
          .lanewise(VectorOperators.XOR, hi.selectFrom(ByteVector.fromArray(SPECIES, tables, t + LANES)));
    }

    // fourRows, twoRows and oneRow are one loop unrolled by hand: the accumulators must be locals to stay in
    // registers (an array of vectors would live in memory). Four rows instead of one: 10+4 encode 3.9 -> 6.1 GB/s
    // of CPU time; two instead of one: 4+2 encode 5.1 -> 7.2 GB/s (decision 0080).
    private void fourRows(byte[][] inputs, byte[][] outputs, int r, int x) {
      ByteVector acc0 = ByteVector.zero(SPECIES);
      ByteVector acc1 = acc0;
      ByteVector acc2 = acc0;
      ByteVector acc3 = acc0;
      int t = r * rowStride;
      for (int c = 0; c < cols; c++, t += 2 * LANES) {
        ByteVector v = ByteVector.fromArray(SPECIES, inputs[c], x);
        ByteVector lo = v.and((byte) 0x0F);
        ByteVector hi = v.lanewise(VectorOperators.LSHR, 4);
        acc0 = acc0.lanewise(VectorOperators.XOR, times(lo, hi, t));
        acc1 = acc1.lanewise(VectorOperators.XOR, times(lo, hi, t + rowStride));
        acc2 = acc2.lanewise(VectorOperators.XOR, times(lo, hi, t + 2 * rowStride));
        acc3 = acc3.lanewise(VectorOperators.XOR, times(lo, hi, t + 3 * rowStride));
      }
      acc0.intoArray(outputs[r], x);
      acc1.intoArray(outputs[r + 1], x);
      acc2.intoArray(outputs[r + 2], x);
      acc3.intoArray(outputs[r + 3], x);
    }

    private void twoRows(byte[][] inputs, byte[][] outputs, int r, int x) {
      ByteVector acc0 = ByteVector.zero(SPECIES);
      ByteVector acc1 = acc0;
      int t = r * rowStride;
      for (int c = 0; c < cols; c++, t += 2 * LANES) {
        ByteVector v = ByteVector.fromArray(SPECIES, inputs[c], x);
        ByteVector lo = v.and((byte) 0x0F);
        ByteVector hi = v.lanewise(VectorOperators.LSHR, 4);
        acc0 = acc0.lanewise(VectorOperators.XOR, times(lo, hi, t));
        acc1 = acc1.lanewise(VectorOperators.XOR, times(lo, hi, t + rowStride));
      }
      acc0.intoArray(outputs[r], x);
      acc1.intoArray(outputs[r + 1], x);
    }

    private void oneRow(byte[][] inputs, byte[][] outputs, int r, int x) {
      ByteVector acc = ByteVector.zero(SPECIES);
      int t = r * rowStride;
      for (int c = 0; c < cols; c++, t += 2 * LANES) {
        ByteVector v = ByteVector.fromArray(SPECIES, inputs[c], x);
        ByteVector lo = v.and((byte) 0x0F);
        ByteVector hi = v.lanewise(VectorOperators.LSHR, 4);
        acc = acc.lanewise(VectorOperators.XOR, times(lo, hi, t));
      }
      acc.intoArray(outputs[r], x);
    }
  }
}
