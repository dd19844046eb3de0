package org.shardledger.client.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * The sealed metadata: AES-256-GCM under the metadata key (derived from the file key), a random 12-byte nonce,
 * associated data = fileId; sealed = nonce ‖ ciphertext ‖ tag, over the UTF-8 JSON {"length":N,"name":"…"}.
 * Opening it is also how a reader knows an envelope gave it this file's key.
 */
public final class MetadataSeal {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetadataSeal() {}

  public static Bytes seal(FileMetadata metadata, FileKey key, Bytes32 fileId) {
    ObjectNode node = JSON.createObjectNode().put("length", metadata.length()).put("name", metadata.name());
    try {
      byte[] plain = JSON.writeValueAsBytes(node);
      return Bytes.of(new AesGcmJce(key.metadataKey()).encrypt(plain, fileId.toArray()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot seal metadata", e);
    }
  }

  /** The metadata, or empty when {@code sealed} was not made with this key for this file (or was altered). */
  public static Optional<FileMetadata> open(Bytes sealed, FileKey key, Bytes32 fileId) {
    byte[] plain;
    try {
      plain = new AesGcmJce(key.metadataKey()).decrypt(sealed.toArray(), fileId.toArray());
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(new String(plain, StandardCharsets.UTF_8));
      if (node == null || !node.path("name").isTextual() || !node.path("length").canConvertToExactIntegral()) {
        return Optional.empty();
      }
      return Optional.of(new FileMetadata(node.get("name").asText(), node.get("length").longValue()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
