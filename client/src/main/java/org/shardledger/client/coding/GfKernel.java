package org.shardledger.client.coding;

/** One way of computing many GF(2^8) linear combinations of byte arrays at once. */
interface GfKernel {
  /** Prepares the combinations {@code output r = Σ_c coefficients[r][c] · input c} (tables built once). */
  Combination prepare(int[][] coefficients);

  /** A prepared set of linear combinations. */
  interface Combination {
    /** Writes {@code outputs[r][offset, offset + len)}; inputs and outputs must be distinct arrays. */
    void apply(byte[][] inputs, byte[][] outputs, int offset, int len);
  }
}
