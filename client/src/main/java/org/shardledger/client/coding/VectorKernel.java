package org.shardledger.client.coding;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel (JDK Vector API, needs {@code --add-modules jdk.incubator.vector}): a product c · x is
 * lo[c][x & 15] XOR hi[c][x >>> 4], each a 16-entry table looked up for a whole vector at once with a byte shuffle
 * (PSHUFB / VPERMB), the split-nibble method of ISA-L and klauspost/reedsolomon. Each output vector is accumulated
 * in a register over all inputs and stored once. A tail shorter than a vector goes through {@link TableKernel}.
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
    /** For coefficient (r, c) at (r · cols + c) · 2 · LANES: the low-nibble table, then the high-nibble table. */
    private final byte[] tables;
    private final TableKernel.Prepared tail;

    Prepared(int[][] coefficients) {
      rows = coefficients.length;
      cols = rows == 0 ? 0 : coefficients[0].length;
      tables = new byte[rows * cols * 2 * LANES];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int base = coefficients[r][c] << 8;
          int at = (r * cols + c) * 2 * LANES;
          for (int lane = 0; lane < LANES; lane++) {
            int nibble = lane & 15;
            tables[at + lane] = Gf256.PRODUCTS[base | nibble];
            tables[at + LANES + lane] = Gf256.PRODUCTS[base | (nibble << 4)];
          }
        }
      }
      tail = new TableKernel.Prepared(coefficients);
    }

    @Override
    public void apply(byte[][] inputs, byte[][] outputs, int offset, int len) {
      int vectorLen = SPECIES.loopBound(len);
      int end = offset + vectorLen;
      for (int x = offset; x < end; x += LANES) {
        int t = 0;
        for (int r = 0; r < rows; r++) {
          ByteVector acc = ByteVector.zero(SPECIES);
          for (int c = 0; c < cols; c++) {
            ByteVector v = ByteVector.fromArray(SPECIES, inputs[c], x);
            ByteVector lo = v.and((byte) 0x0F);
            ByteVector hi = v.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F);
            ByteVector loTable = ByteVector.fromArray(SPECIES, tables, t);
            ByteVector hiTable = ByteVector.fromArray(SPECIES, tables, t + LANES);
            acc = acc.lanewise(VectorOperators.XOR, lo.selectFrom(loTable))
                .lanewise(VectorOperators.XOR, hi.selectFrom(hiTable));
            t += 2 * LANES;
          }
          acc.intoArray(outputs[r], x);
        }
      }
      if (vectorLen < len) {
        tail.apply(inputs, outputs, end, len - vectorLen);
      }
    }
  }
}
