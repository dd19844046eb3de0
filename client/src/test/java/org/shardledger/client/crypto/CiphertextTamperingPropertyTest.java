package org.shardledger.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.testkit.PropertySeeds;

/**
 * For random parts (sizes around segment boundaries included), every truncation, bit flip, segment swap and
 * appended byte is rejected and the untouched ciphertext decrypts. Cases: {@code shardledger.property.tries}.
 */
class CiphertextTamperingPropertyTest {
  static final int SEGMENT = PartCipher.CIPHERTEXT_SEGMENT_SIZE;

  static Stream<Long> seeds() {
    return PropertySeeds.seeds(0xc1_0000L, PropertySeeds.tries());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void tamperedCiphertextNeverDecrypts(long seed) throws IOException {
    Random random = new Random(seed);
    int size = random.nextBoolean() ? random.nextInt(4 * SEGMENT) : (1 + random.nextInt(4)) * (SEGMENT - 16)
        - 40 + random.nextInt(3) - 1;
    byte[] plain = new byte[Math.max(0, size)];
    random.nextBytes(plain);
    byte[] key = new byte[32];
    random.nextBytes(key);
    PartCipher cipher = new PartCipher(FileKey.of(key), Bytes32.ofUnsigned(random.nextInt(1000)), random.nextInt(9));
    byte[] ciphertext = PartCipherTest.encrypt(cipher, plain);
    assertThat(PartCipherTest.decrypt(cipher, ciphertext)).isEqualTo(plain);

    byte[] tampered;
    String how;
    switch (random.nextInt(4)) {
      case 0 -> {
        int cut = 1 + random.nextInt(ciphertext.length);
        tampered = Arrays.copyOf(ciphertext, ciphertext.length - cut);
        how = "truncated by " + cut;
      }
      case 1 -> {
        tampered = ciphertext.clone();
        int pos = random.nextInt(tampered.length);
        tampered[pos] ^= (byte) (1 << random.nextInt(8));
        how = "bit flip at " + pos;
      }
      case 2 -> {
        int segments = ciphertext.length / SEGMENT;
        if (segments < 2) {
          tampered = Arrays.copyOf(ciphertext, ciphertext.length + 1 + random.nextInt(100));
          how = "bytes appended";
        } else {
          int a = random.nextInt(segments);
          int b = (a + 1 + random.nextInt(segments - 1)) % segments;
          tampered = ciphertext.clone();
          System.arraycopy(ciphertext, a * SEGMENT, tampered, b * SEGMENT, SEGMENT);
          System.arraycopy(ciphertext, b * SEGMENT, tampered, a * SEGMENT, SEGMENT);
          how = "segments " + a + " and " + b + " swapped";
        }
      }
      default -> {
        tampered = Arrays.copyOf(ciphertext, ciphertext.length + 1 + random.nextInt(SEGMENT));
        random.nextBytes(Arrays.copyOfRange(tampered, ciphertext.length, tampered.length));
        how = "bytes appended";
      }
    }
    byte[] t = tampered;
    assertThatThrownBy(() -> PartCipherTest.decrypt(cipher, t)).as("size %d, %s", plain.length, how)
        .isInstanceOf(IOException.class);
  }
}
