package org.shardledger.client.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.client.PropertySeeds;

class ReedSolomonTest {
  static Stream<Arguments> cases() {
    return PropertySeeds.seeds().flatMap(seed -> KernelsUnderTest.all().map(kernel -> Arguments.of(seed, kernel)));
  }

  static Stream<Arguments> edges() {
    return KernelsUnderTest.all().flatMap(kernel -> Stream.of(
        Arguments.of(1, 255, kernel), Arguments.of(255, 1, kernel), Arguments.of(128, 128, kernel),
        Arguments.of(200, 56, kernel)));
  }

  @ParameterizedTest(name = "seed {0} {1}")
  @MethodSource("cases")
  void anyMErasuresRecoverByteIdentical(long seed, GfKernel kernel) {
    SplittableRandom random = new SplittableRandom(seed);
    int k = 1 + random.nextInt(random.nextBoolean() ? 12 : 128);
    int m = 1 + random.nextInt(Math.min(random.nextBoolean() ? 6 : 128, 256 - k));
    int len = random.nextInt(0, 3000);
    roundTrip(ReedSolomon.of(k, m, kernel), len, random);
  }

  @ParameterizedTest(name = "{0}+{1} {2}")
  @MethodSource("edges")
  void recoversAtTheEdgeOf256Shares(int k, int m, GfKernel kernel) {
    SplittableRandom random = new SplittableRandom(k * 1000L + m);
    ReedSolomon coder = ReedSolomon.of(k, m, kernel);
    for (int round = 0; round < 3; round++) {
      roundTrip(coder, 64 * 3 + 5, random);
    }
  }

  /** Encodes random data, erases exactly m random shares (data and parity), rebuilds and compares every byte. */
  private static void roundTrip(ReedSolomon coder, int len, SplittableRandom random) {
    int k = coder.dataShards();
    int n = coder.totalShards();
    byte[][] shares = new byte[n][len];
    for (int i = 0; i < k; i++) {
      random.nextBytes(shares[i]);
    }
    coder.encode(shares, 0, len);
    byte[][] original = Arrays.stream(shares).map(byte[]::clone).toArray(byte[][]::new);
    boolean[] present = new boolean[n];
    Arrays.fill(present, true);
    random.ints(0, n).distinct().limit(coder.parityShards()).forEach(i -> {
      present[i] = false;
      random.nextBytes(shares[i]);
    });
    coder.reconstruct(shares, present, 0, len);
    for (int i = 0; i < n; i++) {
      assertThat(shares[i]).as("share %d of %s, present %s", i, coder, Arrays.toString(present))
          .isEqualTo(original[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.shardledger.client.coding.KernelsUnderTest#all")
  void withOneDataShardEveryParityShardIsAScaledCopy(GfKernel kernel) {
    int m = 255;
    byte[] data = new byte[256];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    byte[][] shares = new byte[1 + m][data.length];
    shares[0] = data.clone();
    ReedSolomon coder = ReedSolomon.of(1, m, kernel);
    coder.encode(shares, 0, data.length);
    for (int p = 0; p < m; p++) {
      int coefficient = Gf256.inv(1 + p);
      for (int x = 0; x < data.length; x++) {
        assertThat(shares[1 + p][x] & 0xFF).isEqualTo(Gf256.mul(coefficient, x));
      }
    }
    for (int keep = 0; keep <= m; keep++) {
      byte[][] copy = new byte[1 + m][data.length];
      copy[keep] = shares[keep].clone();
      boolean[] present = new boolean[1 + m];
      present[keep] = true;
      coder.reconstructData(copy, present, 0, data.length);
      assertThat(copy[0]).as("data from shard %d alone", keep).isEqualTo(data);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.shardledger.client.coding.KernelsUnderTest#all")
  void oneCoderRebuildsCorrectlyWhenTheErasurePatternChangesBetweenCalls(GfKernel kernel) {
    ReedSolomon coder = ReedSolomon.of(6, 3, kernel);
    SplittableRandom random = new SplittableRandom(99);
    byte[][] original = new byte[9][200];
    for (int i = 0; i < 6; i++) {
      random.nextBytes(original[i]);
    }
    coder.encode(original, 0, 200);
    int[][] patterns = {{0, 1, 2}, {0, 1, 2}, {3, 7, 8}, {0, 1, 2}, {5}, {5}, {6, 7, 8}, {2, 4}};
    for (int[] pattern : patterns) {
      byte[][] shares = Arrays.stream(original).map(byte[]::clone).toArray(byte[][]::new);
      boolean[] present = new boolean[9];
      Arrays.fill(present, true);
      for (int i : pattern) {
        present[i] = false;
        shares[i] = new byte[200];
      }
      coder.reconstruct(shares, present, 0, 200);
      Arrays.fill(present, true);
      for (int i = 0; i < 9; i++) {
        assertThat(shares[i]).as("share %d without %s", i, Arrays.toString(pattern)).isEqualTo(original[i]);
      }
    }
  }

  @Test
  void reconstructDataLeavesMissingParityAlone() {
    ReedSolomon coder = ReedSolomon.of(3, 2);
    byte[][] shares = new byte[5][100];
    new SplittableRandom(7).nextBytes(shares[0]);
    shares[1][3] = 9;
    coder.encode(shares, 0, 100);
    byte[] data1 = shares[1].clone();
    shares[1] = new byte[100];
    shares[4] = new byte[100];
    coder.reconstructData(shares, new boolean[] {true, false, true, true, false}, 0, 100);
    assertThat(shares[1]).isEqualTo(data1);
    assertThat(shares[4]).containsOnly(0);
  }

  @Test
  void rejectsImpossibleParameters() {
    assertThatThrownBy(() -> ReedSolomon.of(4, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parity shards (m) must be at least 1, got 0");
    assertThatThrownBy(() -> ReedSolomon.of(0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data shards (k) must be at least 1, got 0");
    assertThatThrownBy(() -> ReedSolomon.of(200, 57)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data + parity shards (k + m) must be at most 256, got 200 + 57 = 257");
    assertThat(ReedSolomon.of(200, 56).totalShards()).isEqualTo(256);
  }

  @Test
  void rejectsBadShareArrays() {
    ReedSolomon coder = ReedSolomon.of(2, 1);
    assertThatThrownBy(() -> coder.encode(new byte[2][8], 0, 8)).hasMessage("expected 3 shares, got 2");
    assertThatThrownBy(() -> coder.encode(new byte[][] {new byte[8], new byte[8], new byte[7]}, 0, 8))
        .hasMessage("share 2 must hold at least 8 bytes, has 7");
    byte[] same = new byte[8];
    assertThatThrownBy(() -> coder.encode(new byte[][] {same, new byte[8], same}, 0, 8))
        .hasMessage("shares 0 and 2 are the same array");
    assertThatThrownBy(() -> coder.reconstruct(new byte[3][8], new boolean[] {true, false, false}, 0, 8))
        .hasMessage("need 2 present shares to reconstruct, got 1");
    assertThatThrownBy(() -> coder.reconstruct(new byte[3][8], new boolean[2], 0, 8))
        .hasMessage("present has 2 flags, expected 3");
  }
}
