package org.shardledger.client.coding;

/**
 * The portable kernel: one 256-entry product table per coefficient (slices of {@link Gf256#PRODUCTS}), applied a
 * cache-sized block at a time so the block of every input stays in L1 while all outputs are computed.
 */
final class TableKernel implements GfKernel {
  static final TableKernel INSTANCE = new TableKernel();
  private static final int BLOCK = 4096;

  private TableKernel() {}

  @Override
  public String toString() {
    return "tables";
  }

  @Override
  public Combination prepare(int[][] coefficients) {
    int rows = coefficients.length;
    int[][] tables = new int[rows][];
    for (int r = 0; r < rows; r++) {
      tables[r] = new int[coefficients[r].length];
      for (int c = 0; c < tables[r].length; c++) {
        tables[r][c] = coefficients[r][c] << 8;
      }
    }
    return (inputs, outputs, offset, len) -> apply(tables, inputs, outputs, offset, len);
  }

  /** The same combinations over a byte range, used by the vector kernel for a tail shorter than a vector. */
  static void apply(int[][] tables, byte[][] inputs, byte[][] outputs, int offset, int len) {
    byte[] products = Gf256.PRODUCTS;
    int end = offset + len;
    for (int start = offset; start < end; start += BLOCK) {
      int stop = Math.min(end, start + BLOCK);
      for (int r = 0; r < tables.length; r++) {
        int[] row = tables[r];
        byte[] out = outputs[r];
        byte[] in = inputs[0];
        int t = row[0];
        for (int x = start; x < stop; x++) {
          out[x] = products[t | (in[x] & 0xFF)];
        }
        for (int c = 1; c < row.length; c++) {
          in = inputs[c];
          t = row[c];
          for (int x = start; x < stop; x++) {
            out[x] ^= products[t | (in[x] & 0xFF)];
          }
        }
      }
    }
  }
}
