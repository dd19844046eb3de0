package org.shardledger.client.crypto;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * One part's streaming encryption: Tink's AES-256-GCM-HKDF streaming AEAD (HKDF-SHA256, 32-byte derived keys,
 * 256 KiB ciphertext segments) under the part's key, with associated data fileId ‖ uint64 part index. Memory is a
 * segment or two whatever the part's size; truncation, reordering, appended bytes and bit flips fail decryption.
 */
public final class PartCipher {
  public static final int CIPHERTEXT_SEGMENT_SIZE = 256 * 1024;
  public static final int DERIVED_KEY_SIZE = 32;
  static final String HKDF_ALGORITHM = "HmacSha256";

  private final AesGcmHkdfStreaming aead;
  private final byte[] associatedData;

  public PartCipher(FileKey fileKey, Bytes32 fileId, int partIndex) {
    try {
      this.aead = new AesGcmHkdfStreaming(fileKey.partKey(partIndex), HKDF_ALGORITHM, DERIVED_KEY_SIZE,
          CIPHERTEXT_SEGMENT_SIZE, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink refused the pinned streaming parameters", e);
    }
    this.associatedData = associatedData(fileId, partIndex);
  }

  /** fileId (32 bytes) ‖ part index (uint64, big-endian). */
  public static byte[] associatedData(Bytes32 fileId, int partIndex) {
    return ByteBuffer.allocate(40).put(fileId.toArray()).putLong(partIndex).array();
  }

  /** The ciphertext length of a part of {@code plaintextLength} bytes (header, segments, tags). */
  public static long ciphertextLength(long plaintextLength) {
    return Shape.INSTANCE.expectedCiphertextSize(plaintextLength);
  }

  /** Writes the ciphertext of what is written to the returned stream into {@code ciphertext}; close to finish. */
  public OutputStream encrypting(OutputStream ciphertext) throws IOException {
    try {
      return aead.newEncryptingStream(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot start encrypting: " + e.getMessage(), e);
    }
  }

  /**
   * The plaintext of {@code ciphertext}; a read throws {@link IOException} as soon as a segment fails to
   * authenticate, and at the end when the stream was truncated.
   */
  public InputStream decrypting(InputStream ciphertext) throws IOException {
    try {
      return aead.newDecryptingStream(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot start decrypting: " + e.getMessage(), e);
    }
  }

  /** A keyless instance for sizes only. */
  private static final class Shape {
    static final AesGcmHkdfStreaming INSTANCE;

    static {
      try {
        INSTANCE = new AesGcmHkdfStreaming(new byte[32], HKDF_ALGORITHM, DERIVED_KEY_SIZE, CIPHERTEXT_SEGMENT_SIZE, 0);
      } catch (GeneralSecurityException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }
}
