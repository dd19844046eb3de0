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

  /** acc[x] (^)= the products of inputs c..c+3 at start + x: four lookups per load and store of acc. */
  private static void fourInputs(long[] t, byte[][] inputs, int c, long[] acc, int start, int n, boolean assign) {
    byte[] in0 = inputs[c];
    byte[] in1 = inputs[c + 1];
    byte[] in2 = inputs[c + 2];
    byte[] in3 = inputs[c + 3];
    int b0 = c << 8;
    int b1 = b0 + 256;
    int b2 = b0 + 512;
    int b3 = b0 + 768;
    for (int x = 0; x < n; x++) {
      int at = start + x;
      long v = t[b0 | (in0[at] & 0xFF)] ^ t[b1 | (in1[at] & 0xFF)] ^ t[b2 | (in2[at] & 0xFF)]
          ^ t[b3 | (in3[at] & 0xFF)];
      acc[x] = assign ? v : acc[x] ^ v;
    }
  }

  private static void oneInput(long[] t, byte[][] inputs, int c, long[] acc, int start, int n, boolean assign) {
    byte[] in = inputs[c];
    int base = c << 8;
    for (int x = 0; x < n; x++) {
      long v = t[base | (in[start + x] & 0xFF)];
      acc[x] = assign ? v : acc[x] ^ v;
    }
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
          int c = 0;
          for (; c + 3 < cols; c += 4) {
            fourInputs(t, inputs, c, acc, start, n, c == 0);
          }
          for (; c < cols; c++) {
            oneInput(t, inputs, c, acc, start, n, c == 0);
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
