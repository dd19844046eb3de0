package org.shardledger.protocol.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.Sha256;

class ChallengeTest {
  private static final Bytes32 BEACON =
      Bytes32.fromHex("0x8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63");

  @Test
  void tagsAreSolidityBytes32Literals() {
    assertThat(ChallengeKind.AUDIT.tag().toHex())
        .isEqualTo("0x73686172646c65646765722e6368616c6c656e67652e76310000000000000000");
    assertThat(ChallengeKind.DISPUTE.tag().toHex())
        .isEqualTo("0x73686172646c65646765722e646973707574652e763100000000000000000000");
  }

  /** The first draw written out by hand: sha256 over six big-endian 32-byte words, reduced mod n. */
  @Test
  void firstIndexIsSha256OfTheSixWordsModN() {
    String words = ChallengeKind.AUDIT.tag().toHex().substring(2) + BEACON.toHex().substring(2)
        + "%064x".formatted(31337) + "%064x".formatted(7) + "%064x".formatted(42) + "%064x".formatted(0);
    BigInteger x = new BigInteger(1, Sha256.hash(HexFormat.of().parseHex(words)).toArray());
    long n = 1000;
    BigInteger limit = BigInteger.ONE.shiftLeft(256).divide(BigInteger.valueOf(n)).multiply(BigInteger.valueOf(n));
    assertThat(x).isLessThan(limit);
    long[] indices = Challenge.audit(BEACON, 31337, 7, 42, 3).indices(n);
    assertThat(indices[0]).isEqualTo(x.mod(BigInteger.valueOf(n)).longValue());
  }

  @Test
  void indicesAreDeterministicInRangeAndDependOnEveryInput() {
    Challenge base = Challenge.audit(BEACON, 31337, 7, 42, 16);
    long[] a = base.indices(1000);
    assertThat(base.indices(1000)).isEqualTo(a);
    assertThat(a).hasSize(16);
    assertThat(java.util.Arrays.stream(a).allMatch(i -> i >= 0 && i < 1000)).isTrue();
    assertThat(Challenge.audit(BEACON, 31338, 7, 42, 16).indices(1000)).isNotEqualTo(a);
    assertThat(Challenge.audit(BEACON, 31337, 8, 42, 16).indices(1000)).isNotEqualTo(a);
    assertThat(Challenge.audit(BEACON, 31337, 7, 43, 16).indices(1000)).isNotEqualTo(a);
    assertThat(Challenge.audit(Bytes32.ZERO, 31337, 7, 42, 16).indices(1000)).isNotEqualTo(a);
    assertThat(new Challenge(ChallengeKind.DISPUTE, BEACON, 31337, 7, 42, 16).indices(1000)).isNotEqualTo(a);
  }

  @Test
  void moreSamplesExtendTheSameSequence() {
    long[] four = Challenge.audit(BEACON, 1, 2, 3, 4).indices(77);
    long[] eight = Challenge.audit(BEACON, 1, 2, 3, 8).indices(77);
    assertThat(java.util.Arrays.copyOf(eight, 4)).isEqualTo(four);
  }

  @Test
  void aSingleSegmentShardIsAlwaysIndexZeroAndAnEmptyOneHasNoIndices() {
    assertThat(Challenge.audit(BEACON, 1, 2, 3, 5).indices(1)).containsOnly(0L);
    assertThat(Challenge.audit(BEACON, 1, 2, 3, 5).indices(0)).isEmpty();
  }

  @Test
  void indicesAreRoughlyUniform() {
    int n = 10;
    int[] counts = new int[n];
    for (long index : Challenge.audit(BEACON, 1, 2, 3, 1000).indices(n)) {
      counts[(int) index]++;
    }
    double chi2 = 0;
    for (int c : counts) {
      chi2 += (c - 100.0) * (c - 100.0) / 100.0;
    }
    assertThat(chi2).as("chi-square with 9 degrees of freedom").isLessThan(27.9);
  }

  @Test
  void rejectsOutOfRangeParameters() {
    assertThatThrownBy(() -> Challenge.audit(BEACON, 1, 2, 3, 0)).hasMessageContaining("samples");
    assertThatThrownBy(() -> Challenge.audit(BEACON, 1, 2, 3, Challenge.MAX_SAMPLES + 1))
        .hasMessageContaining("samples");
    assertThatThrownBy(() -> Challenge.audit(BEACON, -1, 2, 3, 1)).hasMessageContaining("negative");
  }
}
