package org.shardledger.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;

class MetadataSealTest {
  final FileKey key = FileKey.random(new SecureRandom());
  final Bytes32 fileId = Bytes32.ofUnsigned(42);

  @Test
  void opensWithTheSameKeyAndFileOnly() {
    FileMetadata metadata = new FileMetadata("holiday photos é.tar", 123456789L);
    Bytes sealed = MetadataSeal.seal(metadata, key, fileId);
    assertThat(MetadataSeal.open(sealed, key, fileId)).contains(metadata);
    assertThat(MetadataSeal.open(sealed, FileKey.random(new SecureRandom()), fileId)).isEmpty();
    assertThat(MetadataSeal.open(sealed, key, Bytes32.ofUnsigned(43))).isEmpty();
    byte[] flipped = sealed.toArray();
    flipped[flipped.length / 2] ^= 1;
    assertThat(MetadataSeal.open(Bytes.of(flipped), key, fileId)).isEmpty();
  }

  @Test
  void namesArePathElementsAndLengthsNonNegative() {
    assertThatThrownBy(() -> new FileMetadata("../etc/passwd", 1)).hasMessageContaining("path element");
    assertThatThrownBy(() -> new FileMetadata("", 1)).hasMessageContaining("path element");
    assertThatThrownBy(() -> new FileMetadata("a", -1)).hasMessageContaining("non-negative");
  }
}
