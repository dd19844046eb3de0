package org.shardledger.client.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A file's 32-byte secret: every part key and the metadata key are derived from it, and envelopes seal it for
 * each reader. Never printed ({@link #toString()} hides it), never logged.
 */
public final class FileKey {
  public static final int SIZE = 32;
  static final byte[] PART_SALT = "shardledger.part-key.v1".getBytes(StandardCharsets.UTF_8);
  static final byte[] METADATA_SALT = "shardledger.metadata-key.v1".getBytes(StandardCharsets.UTF_8);

  private final byte[] key;

  private FileKey(byte[] key) {
    if (key.length != SIZE) {
      throw new IllegalArgumentException("a file key has 32 bytes, got " + key.length);
    }
    this.key = key.clone();
  }

  public static FileKey random(SecureRandom random) {
    byte[] b = new byte[SIZE];
    random.nextBytes(b);
    return new FileKey(b);
  }

  public static FileKey of(byte[] key) {
    return new FileKey(key);
  }

  /** Returns a copy of the secret (for sealing it in an envelope). */
  public byte[] toArray() {
    return key.clone();
  }

  /** Part p's key: HKDF-SHA256(salt = "shardledger.part-key.v1", ikm = file key, info = uint64 p, 32 bytes). */
  public byte[] partKey(int partIndex) {
    if (partIndex < 0) {
      throw new IllegalArgumentException("part index must be non-negative: " + partIndex);
    }
    return Hkdf.sha256(PART_SALT, key, ByteBuffer.allocate(8).putLong(partIndex).array(), 32);
  }

  /** The metadata key: HKDF-SHA256(salt = "shardledger.metadata-key.v1", ikm = file key, info empty, 32 bytes). */
  byte[] metadataKey() {
    return Hkdf.sha256(METADATA_SALT, key, new byte[0], 32);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileKey other && MessageDigest.isEqual(key, other.key);
  }

  @Override
  public int hashCode() {
    return 0x5f11e;
  }

  @Override
  public String toString() {
    return "FileKey[hidden]";
  }
}
