package org.shardledger.client.coding;

import java.util.Arrays;

/**
 * Systematic Reed-Solomon over GF(2^8) (polynomial 0x11D) with the pinned Cauchy matrix: shares 0..k-1 are the
 * data, parity share k + i = Σ_j C[i][j] · data_j with C[i][j] = 1 / ((k + i) XOR j), as ISA-L's
 * {@code gf_gen_cauchy1_matrix} and hadoop-common's {@code RSRawEncoder}. Any k of the k + m shares rebuild the
 * others byte for byte. Instances are immutable and safe to share between threads.
 */
public final class ReedSolomon {
  public static final int MAX_SHARES = 256;

  private final int dataShards;
  private final int parityShards;
  private final int[][] encodingMatrix;
  private final GfKernel kernel;
  private final GfKernel.Combination parity;
  /** The last erasure pattern's decoding (immutable; a race only costs a recomputation). */
  private volatile Decoding lastDecoding;

  private ReedSolomon(int dataShards, int parityShards, GfKernel kernel) {
    this.dataShards = dataShards;
    this.parityShards = parityShards;
    this.kernel = kernel;
    this.encodingMatrix = GfMatrix.encoding(dataShards, parityShards);
    this.parity = kernel.prepare(Arrays.copyOfRange(encodingMatrix, dataShards, dataShards + parityShards));
  }

  /** A coder for k data and m parity shards (k ≥ 1, m ≥ 1, k + m ≤ 256) with the fastest kernel available. */
  public static ReedSolomon of(int dataShards, int parityShards) {
    return of(dataShards, parityShards, CodingKernel.fastest());
  }

  /** A coder with a chosen kernel (benchmarks compare them); every kernel gives the same bytes. */
  public static ReedSolomon of(int dataShards, int parityShards, CodingKernel kernel) {
    return of(dataShards, parityShards, kernel.implementation());
  }

  static ReedSolomon of(int dataShards, int parityShards, GfKernel kernel) {
    check(dataShards, parityShards);
    return new ReedSolomon(dataShards, parityShards, kernel);
  }

  /** Throws with a clear message unless k ≥ 1, m ≥ 1 and k + m ≤ 256. */
  public static void check(int dataShards, int parityShards) {
    if (dataShards < 1) {
      throw new IllegalArgumentException("data shards (k) must be at least 1, got " + dataShards);
    }
    if (parityShards < 1) {
      throw new IllegalArgumentException("parity shards (m) must be at least 1, got " + parityShards);
    }
    if (dataShards + parityShards > MAX_SHARES) {
      throw new IllegalArgumentException("data + parity shards (k + m) must be at most " + MAX_SHARES + ", got "
          + dataShards + " + " + parityShards + " = " + (dataShards + parityShards));
    }
  }

  public int dataShards() {
    return dataShards;
  }

  public int parityShards() {
    return parityShards;
  }

  public int totalShards() {
    return dataShards + parityShards;
  }

  /** shares[0..k) hold data, fills shares[k..k+m); each array has at least offset+len bytes. */
  public void encode(byte[][] shares, int offset, int len) {
    checkShares(shares, offset, len);
    parity.apply(Arrays.copyOfRange(shares, 0, dataShards),
        Arrays.copyOfRange(shares, dataShards, dataShards + parityShards), offset, len);
  }

  /** Rebuilds in place every share with present[i] == false (data and parity) from any k present ones. */
  public void reconstruct(byte[][] shares, boolean[] present, int offset, int len) {
    rebuild(shares, present, offset, len, totalShards());
  }

  /** Like {@link #reconstruct} but rebuilds only the missing data shares (what reading a part needs). */
  public void reconstructData(byte[][] shares, boolean[] present, int offset, int len) {
    rebuild(shares, present, offset, len, dataShards);
  }

  /** Rebuilds the missing shares among the first {@code upTo}. */
  private void rebuild(byte[][] shares, boolean[] present, int offset, int len, int upTo) {
    checkShares(shares, offset, len);
    int n = totalShards();
    if (present.length != n) {
      throw new IllegalArgumentException("present has " + present.length + " flags, expected " + n);
    }
    Decoding decoding = lastDecoding;
    if (decoding == null || decoding.upTo() != upTo || !Arrays.equals(decoding.present(), present)) {
      decoding = decoding(present.clone(), upTo);
      lastDecoding = decoding;
    }
    if (decoding.erased().length == 0) {
      return;
    }
    byte[][] inputs = new byte[dataShards][];
    for (int i = 0; i < dataShards; i++) {
      inputs[i] = shares[decoding.chosen()[i]];
    }
    byte[][] outputs = new byte[decoding.erased().length][];
    for (int e = 0; e < outputs.length; e++) {
      outputs[e] = shares[decoding.erased()[e]];
    }
    decoding.combination().apply(inputs, outputs, offset, len);
  }

  /**
   * How to rebuild the missing shares among the first {@code upTo} from the first k present ones: the rows of the
   * inverted submatrix (for data) or of a parity row times it. Kept for the next call with the same pattern (a part
   * is read stripe after stripe with the same shards).
   */
  private record Decoding(boolean[] present, int upTo, int[] chosen, int[] erased, GfKernel.Combination combination) {}

  private Decoding decoding(boolean[] present, int upTo) {
    int n = totalShards();
    int[] chosen = new int[dataShards];
    int found = 0;
    int erased = 0;
    for (int i = 0; i < n; i++) {
      if (!present[i]) {
        erased += i < upTo ? 1 : 0;
      } else if (found < dataShards) {
        chosen[found++] = i;
      }
    }
    if (found < dataShards) {
      throw new IllegalArgumentException("need " + dataShards + " present shares to reconstruct, got " + found);
    }
    int[] erasedShares = new int[erased];
    if (erased == 0) {
      return new Decoding(present, upTo, chosen, erasedShares, null);
    }
    int[][] chosenRows = new int[dataShards][];
    for (int i = 0; i < dataShards; i++) {
      chosenRows[i] = encodingMatrix[chosen[i]];
    }
    int[][] inverse = GfMatrix.invert(chosenRows);
    int[][] rows = new int[erased][];
    int e = 0;
    for (int i = 0; i < upTo; i++) {
      if (!present[i]) {
        rows[e] = i < dataShards ? inverse[i] : GfMatrix.times(encodingMatrix[i], inverse);
        erasedShares[e++] = i;
      }
    }
    return new Decoding(present, upTo, chosen, erasedShares, kernel.prepare(rows));
  }


  private void checkShares(byte[][] shares, int offset, int len) {
    if (shares.length != totalShards()) {
      throw new IllegalArgumentException("expected " + totalShards() + " shares, got " + shares.length);
    }
    if (offset < 0 || len < 0) {
      throw new IllegalArgumentException("offset and length must not be negative: " + offset + ", " + len);
    }
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] == null || shares[i].length - len < offset) {
        throw new IllegalArgumentException("share " + i + " must hold at least " + ((long) offset + len)
            + " bytes, has " + (shares[i] == null ? "none" : shares[i].length));
      }
      for (int j = 0; j < i; j++) {
        if (shares[i] == shares[j]) {
          throw new IllegalArgumentException("shares " + j + " and " + i + " are the same array");
        }
      }
    }
  }

  @Override
  public String toString() {
    return "ReedSolomon[" + dataShards + "+" + parityShards + "]";
  }
}
