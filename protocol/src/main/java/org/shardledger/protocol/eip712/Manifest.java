package org.shardledger.protocol.eip712;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;

/**
 * The owner's signature over a file manifest: its file id and the hash of its content (what the content hash
 * covers is the client's manifest format, docs/manifest.md).
 */
public record Manifest(Bytes32 fileId, Bytes32 contentHash) implements TypedStruct {
  public static final String TYPE = "Manifest(bytes32 fileId,bytes32 contentHash)";

  public Manifest {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().word(fileId).word(contentHash);
  }
}
