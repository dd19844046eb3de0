package org.shardledger.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;

class PartCipherTest {
  static final int SEGMENT = PartCipher.CIPHERTEXT_SEGMENT_SIZE;
  static final FileKey KEY = FileKey.of(new byte[32]);
  static final Bytes32 FILE = Bytes32.ofUnsigned(7);

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] encrypt(PartCipher cipher, byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = cipher.encrypting(out)) {
      enc.write(plain);
    }
    return out.toByteArray();
  }

  static byte[] decrypt(PartCipher cipher, byte[] ciphertext) throws IOException {
    try (InputStream in = cipher.decrypting(new ByteArrayInputStream(ciphertext))) {
      return in.readAllBytes();
    }
  }

  static Stream<Integer> sizes() {
    int plainSegment = SEGMENT - 16;
    return Stream.of(0, 1, 100, plainSegment - 41, plainSegment - 40, plainSegment - 39, plainSegment,
        plainSegment * 3 + 17, 3 << 20);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void roundTripsAndTheLengthIsKnownInAdvance(int size) throws IOException {
    PartCipher cipher = new PartCipher(KEY, FILE, 0);
    byte[] plain = random(size, size);
    byte[] ciphertext = encrypt(cipher, plain);
    assertThat(ciphertext.length).isEqualTo((int) PartCipher.ciphertextLength(size));
    assertThat(decrypt(cipher, ciphertext)).isEqualTo(plain);
  }

  @Test
  void freshHeaderEachTimeSoTwoEncryptionsDiffer() throws IOException {
    PartCipher cipher = new PartCipher(KEY, FILE, 0);
    byte[] plain = random(1000, 1);
    assertThat(encrypt(cipher, plain)).isNotEqualTo(encrypt(cipher, plain));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, SEGMENT, SEGMENT + 1, 2 * SEGMENT + 5})
  void truncationIsRejected(int cut) throws IOException {
    PartCipher cipher = new PartCipher(KEY, FILE, 0);
    byte[] ciphertext = encrypt(cipher, random(3 * SEGMENT, 3));
    byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - cut);
    assertThatThrownBy(() -> decrypt(cipher, truncated)).isInstanceOf(IOException.class);
  }

  @Test
  void truncationAtASegmentBoundaryIsRejected() throws IOException {
    PartCipher cipher = new PartCipher(KEY, FILE, 0);
    byte[] ciphertext = encrypt(cipher, random(3 * SEGMENT, 4));
    // drop whole trailing segments: what remains ends on a segment that is not marked last
    assertThatThrownBy(() -> decrypt(cipher, Arrays.copyOf(ciphertext, SEGMENT)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> decrypt(cipher, Arrays.copyOf(ciphertext, 2 * SEGMENT)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void appendedBytesAreRejected() throws IOException {
    PartCipher cipher = new PartCipher(KEY, FILE, 0);
    byte[] ciphertext = encrypt(cipher, random(2 * SEGMENT, 5));
    byte[] longer = Arrays.copyOf(ciphertext, ciphertext.length + 1);
    assertThatThrownBy(() -> decrypt(cipher, longer)).isInstanceOf(IOException.class);
  }

  @Test
  void reorderedSegmentsAreRejected() throws IOException {
    PartCipher cipher = new PartCipher(KEY, FILE, 0);
    byte[] ciphertext = encrypt(cipher, random(4 * SEGMENT, 6));
    byte[] swapped = ciphertext.clone();
    // segments 1 and 2 are both full-size and neither is first or last: swap them
    System.arraycopy(ciphertext, 2 * SEGMENT, swapped, SEGMENT, SEGMENT);
    System.arraycopy(ciphertext, SEGMENT, swapped, 2 * SEGMENT, SEGMENT);
    assertThatThrownBy(() -> decrypt(cipher, swapped)).isInstanceOf(IOException.class);
  }

  @Test
  void aFlippedBitAnywhereIsRejected() throws IOException {
    PartCipher cipher = new PartCipher(KEY, FILE, 0);
    byte[] ciphertext = encrypt(cipher, random(2 * SEGMENT + 1000, 7));
    Random random = new Random(8);
    int[] positions = {0, 1, 20, 39, 40, 41, SEGMENT - 1, SEGMENT, SEGMENT + 12345, ciphertext.length - 17,
        ciphertext.length - 1, random.nextInt(ciphertext.length), random.nextInt(ciphertext.length)};
    for (int pos : positions) {
      byte[] flipped = ciphertext.clone();
      flipped[pos] ^= (byte) (1 << random.nextInt(8));
      assertThatThrownBy(() -> decrypt(cipher, flipped)).as("bit flip at %d", pos).isInstanceOf(IOException.class);
    }
  }

  @Test
  void anotherPartIndexFileIdOrKeyDoesNotDecrypt() throws IOException {
    byte[] ciphertext = encrypt(new PartCipher(KEY, FILE, 0), random(5000, 9));
    assertThatThrownBy(() -> decrypt(new PartCipher(KEY, FILE, 1), ciphertext)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> decrypt(new PartCipher(KEY, Bytes32.ofUnsigned(8), 0), ciphertext))
        .isInstanceOf(IOException.class);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertThatThrownBy(() -> decrypt(new PartCipher(FileKey.of(otherKey), FILE, 0), ciphertext))
        .isInstanceOf(IOException.class);
  }

  @Test
  void partKeysAreHkdfOfTheFileKeyAndTheIndex() throws Exception {
    byte[] fileKey = random(32, 10);
    // the same derivation with Tink's HKDF, an independent implementation
    byte[] expected = com.google.crypto.tink.subtle.Hkdf.computeHkdf("HMACSHA256", fileKey,
        "shardledger.part-key.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        new byte[] {0, 0, 0, 0, 0, 0, 0, 3}, 32);
    assertThat(FileKey.of(fileKey).partKey(3)).isEqualTo(expected);
    assertThat(FileKey.of(fileKey).partKey(4)).isNotEqualTo(expected);
  }
}
