package org.shardledger.protocol.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;
import org.shardledger.protocol.challenge.Challenge;

class StorageProofCodecTest {

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  private static StorageProof randomProof(long seed) {
    Random random = new Random(seed);
    RandomShard shard = RandomShard.random(random, 256);
    return shard.prove(Challenge.audit(RandomShard.randomBeacon(random), 5, random.nextInt(1 << 20),
        random.nextInt(1 << 20), 1 + random.nextInt(20)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void binaryAndJsonFormsRoundTrip(long seed) throws MalformedProofException {
    StorageProof proof = randomProof(seed);
    byte[] encoded = StorageProofCodec.encode(proof);
    assertThat(encoded).hasSize(StorageProofCodec.encodedLength(proof));
    assertThat(StorageProofCodec.decode(encoded)).isEqualTo(proof);
    assertThat(StorageProofJson.fromJson(StorageProofJson.toJson(proof))).isEqualTo(proof);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyTruncationIsRejectedWithAClearError(long seed) {
    byte[] encoded = StorageProofCodec.encode(randomProof(seed));
    int step = Math.max(1, encoded.length / 200);
    for (int cut = 0; cut < encoded.length; cut += step) {
      byte[] truncated = Arrays.copyOf(encoded, cut);
      assertThatThrownBy(() -> StorageProofCodec.decode(truncated)).as("cut at %d of %d", cut, encoded.length)
          .isInstanceOf(MalformedProofException.class).hasMessageContaining("truncated");
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void trailingBytesAreRejected(long seed) {
    byte[] encoded = StorageProofCodec.encode(randomProof(seed));
    byte[] longer = Arrays.copyOf(encoded, encoded.length + 1 + (int) (seed & 7));
    assertThatThrownBy(() -> StorageProofCodec.decode(longer)).isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("oversized");
  }

  @Test
  void unknownVersionIsNamed() {
    byte[] encoded = StorageProofCodec.encode(randomProof(1));
    encoded[0] = 9;
    assertThatThrownBy(() -> StorageProofCodec.decode(encoded)).hasMessageContaining("unsupported proof version 9");
  }

  @Test
  void declaredLengthsBeyondTheLimitsAreRejectedBeforeAllocating() {
    ByteBuffer tooManySamples = ByteBuffer.allocate(19).put((byte) 1).putLong(1).putLong(1).putShort((short) 2000);
    assertThatThrownBy(() -> StorageProofCodec.decode(tooManySamples.array()))
        .hasMessageContaining("2000 samples");

    ByteBuffer hugeSegment = ByteBuffer.allocate(19 + 12).put((byte) 1).putLong(1).putLong(1).putShort((short) 1)
        .putLong(0).putInt(Integer.MAX_VALUE);
    assertThatThrownBy(() -> StorageProofCodec.decode(hugeSegment.array()))
        .hasMessageContaining("at most 1048576");

    ByteBuffer negativeIndex = ByteBuffer.allocate(19 + 12).put((byte) 1).putLong(1).putLong(1).putShort((short) 1)
        .putLong(-1).putInt(0);
    assertThatThrownBy(() -> StorageProofCodec.decode(negativeIndex.array())).hasMessageContaining("out of range");
  }

  @Test
  void garbageJsonIsRejectedWithAClearError() {
    for (String garbage : new String[] {"", "{", "[]", "42", "{\"version\":2}",
        "{\"version\":1,\"dealId\":\"0x1\",\"epoch\":\"0x1\"}",
        "{\"version\":1,\"dealId\":\"zz\",\"epoch\":\"0x1\",\"samples\":[]}",
        "{\"version\":1,\"dealId\":\"0x1\",\"epoch\":\"0x1\",\"samples\":[{\"index\":\"0x0\",\"segment\":\"0x0\","
            + "\"path\":[]}]}",
        "{\"version\":1,\"dealId\":\"0x1\",\"epoch\":\"0x1\",\"samples\":[{\"index\":\"0x0\",\"segment\":\"0x00\","
            + "\"path\":[\"0x01\"]}]}"}) {
      assertThatThrownBy(() -> StorageProofJson.fromJson(garbage)).as(garbage)
          .isInstanceOf(MalformedProofException.class).hasMessageNotContaining("null");
    }
  }
}
