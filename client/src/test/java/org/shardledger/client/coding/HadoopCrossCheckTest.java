package org.shardledger.client.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.client.PropertySeeds;

/**
 * Byte for byte against hadoop-common's Java port of ISA-L's Cauchy Reed-Solomon (test scope only): parity of random
 * data, and the shares its decoder rebuilds for random erasures, over many k, m and lengths, with every kernel.
 * Hadoop's decoder allows k + m ≤ 255; the 256 edge is covered by {@link ReedSolomonTest}.
 */
class HadoopCrossCheckTest {
  static Stream<Arguments> cases() {
    return PropertySeeds.seeds().flatMap(seed -> KernelsUnderTest.all().map(kernel -> Arguments.of(seed, kernel)));
  }

  @ParameterizedTest(name = "seed {0} {1}")
  @MethodSource("cases")
  void parityAndRebuiltSharesMatchHadoop(long seed, GfKernel kernel) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int k;
    int m;
    switch (random.nextInt(4)) {
      case 0 -> { k = 4; m = 2; }
      case 1 -> { k = 10; m = 4; }
      case 2 -> { k = 1 + random.nextInt(200); m = 1 + random.nextInt(255 - k); }
      default -> { k = 1 + random.nextInt(16); m = 1 + random.nextInt(8); }
    }
    int len = switch (random.nextInt(3)) {
      case 0 -> random.nextInt(1, 70);
      case 1 -> random.nextInt(1, 5000);
      default -> 64 * random.nextInt(1, 100);
    };
    byte[][] data = new byte[k][len];
    for (byte[] share : data) {
      random.nextBytes(share);
    }

    byte[][] hadoopParity = new byte[m][len];
    new RSRawEncoder(new ErasureCoderOptions(k, m)).encode(copy(data), hadoopParity);

    ReedSolomon ours = ReedSolomon.of(k, m, kernel);
    byte[][] shares = new byte[k + m][];
    int pad = random.nextInt(3);
    for (int i = 0; i < k + m; i++) {
      shares[i] = new byte[pad + len + random.nextInt(3)];
      if (i < k) {
        System.arraycopy(data[i], 0, shares[i], pad, len);
      }
    }
    ours.encode(shares, pad, len);
    for (int p = 0; p < m; p++) {
      assertThat(Arrays.copyOfRange(shares[k + p], pad, pad + len)).as("parity %d of %d+%d", p, k, m)
          .isEqualTo(hadoopParity[p]);
    }

    int erasures = 1 + random.nextInt(m);
    int[] erased = random.ints(0, k + m).distinct().limit(erasures).sorted().toArray();
    byte[][] hadoopInputs = new byte[k + m][];
    for (int i = 0; i < k + m; i++) {
      hadoopInputs[i] = i < k ? data[i].clone() : hadoopParity[i - k].clone();
    }
    boolean[] present = new boolean[k + m];
    Arrays.fill(present, true);
    byte[][] expectedShares = new byte[k + m][];
    for (int i = 0; i < k + m; i++) {
      expectedShares[i] = Arrays.copyOfRange(shares[i], pad, pad + len);
    }
    for (int e : erased) {
      hadoopInputs[e] = null;
      present[e] = false;
      random.nextBytes(shares[e]);
    }
    byte[][] hadoopOutputs = new byte[erasures][len];
    new RSRawDecoder(new ErasureCoderOptions(k, m)).decode(hadoopInputs, erased, hadoopOutputs);
    ours.reconstruct(shares, present, pad, len);
    for (int j = 0; j < erasures; j++) {
      byte[] rebuilt = Arrays.copyOfRange(shares[erased[j]], pad, pad + len);
      assertThat(rebuilt).as("share %d of %d+%d, erased %s", erased[j], k, m, Arrays.toString(erased))
          .isEqualTo(hadoopOutputs[j]).isEqualTo(expectedShares[erased[j]]);
    }
  }

  private static byte[][] copy(byte[][] a) {
    byte[][] c = new byte[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
