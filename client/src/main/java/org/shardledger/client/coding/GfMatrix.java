package org.shardledger.client.coding;

/** Small dense matrices over GF(2^8), row-major {@code int[rows][cols]} with entries 0..255. */
final class GfMatrix {
  private GfMatrix() {}

  /**
   * The systematic encoding matrix of k + m rows and k columns: the identity over the pinned Cauchy rows
   * C[i][j] = 1 / ((k + i) XOR j), as ISA-L's {@code gf_gen_cauchy1_matrix}.
   */
  static int[][] encoding(int k, int m) {
    int[][] rows = new int[k + m][k];
    for (int i = 0; i < k; i++) {
      rows[i][i] = 1;
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        rows[k + i][j] = Gf256.inv((k + i) ^ j);
      }
    }
    return rows;
  }

  /** The inverse of a square matrix, by Gauss-Jordan elimination; throws if it is singular. */
  static int[][] invert(int[][] matrix) {
    int n = matrix.length;
    int[][] a = new int[n][];
    int[][] inverse = new int[n][n];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
      inverse[i][i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      while (pivot < n && a[pivot][col] == 0) {
        pivot++;
      }
      if (pivot == n) {
        throw new ArithmeticException("singular matrix");
      }
      swap(a, col, pivot);
      swap(inverse, col, pivot);
      int scale = Gf256.inv(a[col][col]);
      scaleRow(a[col], scale);
      scaleRow(inverse[col], scale);
      for (int row = 0; row < n; row++) {
        int factor = a[row][col];
        if (row != col && factor != 0) {
          addScaled(a[row], a[col], factor);
          addScaled(inverse[row], inverse[col], factor);
        }
      }
    }
    return inverse;
  }

  /** The 1 × n row vector {@code row} times the n × n matrix {@code matrix}. */
  static int[] times(int[] row, int[][] matrix) {
    int[] out = new int[matrix[0].length];
    for (int i = 0; i < row.length; i++) {
      if (row[i] != 0) {
        addScaled(out, matrix[i], row[i]);
      }
    }
    return out;
  }

  private static void swap(int[][] a, int i, int j) {
    int[] t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static void scaleRow(int[] row, int factor) {
    for (int i = 0; i < row.length; i++) {
      row[i] = Gf256.mul(row[i], factor);
    }
  }

  private static void addScaled(int[] target, int[] source, int factor) {
    for (int i = 0; i < target.length; i++) {
      target[i] ^= Gf256.mul(source[i], factor);
    }
  }
}
