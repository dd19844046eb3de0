package org.shardledger.client.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodingParamsTest {
  @Test
  void partsUnderOneMebibyteUseOneDataShardAndKeepTheirParity() {
    assertThat(CodingParams.forPart(0, 10, 4)).isEqualTo(new CodingParams(1, 4, 4096));
    assertThat(CodingParams.forPart(1, 10, 4)).isEqualTo(new CodingParams(1, 4, 4096));
    assertThat(CodingParams.forPart(10_000, 10, 4)).isEqualTo(new CodingParams(1, 4, 12288));
    assertThat(CodingParams.forPart((1 << 20) - 1, 10, 4)).isEqualTo(new CodingParams(1, 4, 65536));
  }

  @Test
  void largerPartsKeepKAndUseTheDefaultShareSize() {
    assertThat(CodingParams.forPart(1 << 20, 10, 4)).isEqualTo(new CodingParams(10, 4, 65536));
    assertThat(CodingParams.forPart(1L << 30, 4, 2)).isEqualTo(new CodingParams(4, 2, 65536));
  }

  @Test
  void aSmallPartsShareHoldsItsWholeCiphertext() {
    for (long length : new long[] {0, 1, 4000, 4032, 4033, 8192, 60_000, 65_000, 500_000}) {
      CodingParams params = CodingParams.forPart(length, 4, 2);
      long ciphertext = length + 40 + 16 * ((length / (256 * 1024)) + 1);
      assertThat(params.shareSize() % 4096).isZero();
      if (ciphertext <= 65536) {
        assertThat(params.stripes(ciphertext)).as("stripes for %d", length).isEqualTo(1);
        assertThat(params.shareSize()).isLessThanOrEqualTo((int) ((ciphertext + 64 + 4095) / 4096 * 4096));
      }
    }
  }

  @Test
  void stripesAndShardSizes() {
    CodingParams params = new CodingParams(4, 2, 4096);
    assertThat(params.stripeDataSize()).isEqualTo(16384);
    assertThat(params.stripes(0)).isEqualTo(1);
    assertThat(params.stripes(16384)).isEqualTo(1);
    assertThat(params.stripes(16385)).isEqualTo(2);
    assertThat(params.shardSize(16385)).isEqualTo(8192);
    assertThat(params.encodedSize(16385)).isEqualTo(6 * 8192);
    assertThat(new CodingParams(4, 2, 256 * 1024).shareSize()).isEqualTo(262144);
    assertThatThrownBy(() -> params.stripes(-1)).hasMessage("ciphertext length must not be negative: -1");
  }

  @Test
  void rejectsOutOfRangeValues() {
    assertThatThrownBy(() -> new CodingParams(4, 2, 1000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("share size must be a multiple of 4096 between 4096 and 262144 bytes, got 1000");
    assertThatThrownBy(() -> new CodingParams(4, 2, 2 << 20))
        .hasMessage("share size must be a multiple of 4096 between 4096 and 262144 bytes, got 2097152");
    assertThatThrownBy(() -> new CodingParams(4, 0, 4096))
        .hasMessage("parity shards (m) must be at least 1, got 0");
    assertThatThrownBy(() -> new CodingParams(250, 7, 4096))
        .hasMessage("data + parity shards (k + m) must be at most 256, got 250 + 7 = 257");
    assertThatThrownBy(() -> CodingParams.forPart(-1, 4, 2)).hasMessage("part length must not be negative: -1");
    assertThatThrownBy(() -> CodingParams.forPart(5 << 20, 255, 2))
        .hasMessage("data + parity shards (k + m) must be at most 256, got 255 + 2 = 257");
  }
}
