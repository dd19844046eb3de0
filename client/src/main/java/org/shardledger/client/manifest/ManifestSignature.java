package org.shardledger.client.manifest;

import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * The owner's EIP-712 signature {@code Manifest(bytes32 fileId,bytes32 contentHash)} in the shardledger domain of
 * the manifest's chain and ledger; contentHash = keccak256 of {@link ManifestCodec#signedBytes}.
 */
public final class ManifestSignature {
  private ManifestSignature() {}

  public static Bytes32 contentHash(Manifest m) {
    return Keccak256.hash(ManifestCodec.signedBytes(m));
  }

  public static org.shardledger.protocol.eip712.Manifest typed(Manifest m) {
    return new org.shardledger.protocol.eip712.Manifest(m.fileId(), contentHash(m));
  }

  public static Manifest sign(Manifest m, KeyPair owner) {
    if (!owner.address().equals(m.owner())) {
      throw new IllegalArgumentException("manifest owner is " + m.owner() + ", cannot be signed by " + owner.address());
    }
    return m.withSignature(m.domain().sign(typed(m), owner));
  }

  /** Who signed this manifest's content, or empty when unsigned or nobody can be recovered. */
  public static Optional<Address> signer(Manifest m) {
    return m.signature().flatMap(s -> m.domain().signer(typed(m), s));
  }
}
