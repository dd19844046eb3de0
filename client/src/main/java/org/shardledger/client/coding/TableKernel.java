package org.shardledger.client.coding;

/**
 * The portable kernel. For each input and each group of up to 8 outputs, a 256-entry table of longs whose byte j is
 * the product with output j's coefficient: one lookup per input byte serves 8 outputs at once, and outputs are
 * written once instead of read and written for every input (the classic loop does k · m lookups and k · m
 * read-modify-writes per byte position; this one k lookups per 8 outputs and one store per output).
 */
final class TableKernel implements GfKernel {
  static final TableKernel INSTANCE = new TableKernel();
  private static final int GROUP = 8;
  private static final int BLOCK = 1024;

  private TableKernel() {}

  @Override
  public String toString() {
    return "tables";
  }

  @Override
  public Combination prepare(int[][] coefficients) {
    return new Prepared(coefficients);
  }

  static final class Prepared implements Combination {
    private final int rows;
    private final int cols;
    /** tables[g][(c << 8) | x]: byte j holds coefficients[8g + j][c] · x. */
    private final long[][] tables;

    Prepared(int[][] coefficients) {
      rows = coefficients.length;
      cols = rows == 0 ? 0 : coefficients[0].length;
      tables = new long[(rows + GROUP - 1) / GROUP][cols << 8];
      for (int r = 0; r < rows; r++) {
        long[] t = tables[r / GROUP];
        int shift = 8 * (r % GROUP);
        for (int c = 0; c < cols; c++) {
          int base = coefficients[r][c] << 8;
          for (int x = 0; x < 256; x++) {
            t[(c << 8) | x] |= (Gf256.PRODUCTS[base | x] & 0xFFL) << shift;
          }
        }
      }
    }

    @Override
    public void apply(byte[][] inputs, byte[][] outputs, int offset, int len) {
      long[] acc = new long[Math.min(BLOCK, Math.max(len, 1))];
      int end = offset + len;
      for (int start = offset; start < end; start += BLOCK) {
        int n = Math.min(BLOCK, end - start);
        for (int g = 0; g < tables.length; g++) {
          long[] t = tables[g];
          byte[] in = inputs[0];
          for (int x = 0; x < n; x++) {
            acc[x] = t[in[start + x] & 0xFF];
          }
          for (int c = 1; c < cols; c++) {
            in = inputs[c];
            int base = c << 8;
            for (int x = 0; x < n; x++) {
              acc[x] ^= t[base | (in[start + x] & 0xFF)];
            }
          }
          int width = Math.min(GROUP, rows - g * GROUP);
          for (int j = 0; j < width; j++) {
            byte[] out = outputs[g * GROUP + j];
            int shift = 8 * j;
            for (int x = 0; x < n; x++) {
              out[start + x] = (byte) (acc[x] >>> shift);
            }
          }
        }
      }
    }
  }
}
