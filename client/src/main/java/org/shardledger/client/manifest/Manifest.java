package org.shardledger.client.manifest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.client.keys.Envelope;
import org.shardledger.client.keys.EnvelopeContext;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Eip712Domain;

/**
 * A file manifest v1 (docs/manifest.md): where the file's shards are and how to read them. The owner's signature
 * covers everything but the envelopes and the signature itself, so envelopes can be added (sharing) without
 * re-signing, and a manifest without envelopes is all that repair needs.
 */
public record Manifest(long chainId, Address ledger, Bytes32 fileId, Address owner, Bytes metadata, long partSize,
    List<ManifestPart> parts, List<Envelope> envelopes, Optional<Signature> signature) {
  public static final String VERSION = "shardledger.manifest.v1";
  public static final long MIN_PART_SIZE = 1L << 20;
  public static final long MAX_PART_SIZE = 64L << 30;

  public Manifest {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(signature, "signature");
    parts = List.copyOf(parts);
    envelopes = List.copyOf(envelopes);
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + chainId);
    }
    checkPartSize(partSize);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a manifest has at least one part");
    }
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).index() != i) {
        throw new IllegalArgumentException("part " + i + " is listed with index " + parts.get(i).index());
      }
    }
  }

  /** Parts hold 1 MiB to 64 GiB of plaintext each. */
  public static void checkPartSize(long partSize) {
    if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
      throw new IllegalArgumentException("part size must be from 1 MiB (1048576) to 64 GiB, got " + partSize);
    }
  }

  public Eip712Domain domain() {
    return Eip712Domain.shardledger(chainId, ledger);
  }

  public EnvelopeContext envelopeContext() {
    return new EnvelopeContext(chainId, ledger, fileId);
  }

  public Manifest withSignature(Signature s) {
    return new Manifest(chainId, ledger, fileId, owner, metadata, partSize, parts, envelopes, Optional.of(s));
  }

  /** The same file with other parts (e.g. deal hints added); unsigned, since the parts are signed content. */
  public Manifest withParts(List<ManifestPart> p) {
    return new Manifest(chainId, ledger, fileId, owner, metadata, partSize, p, envelopes, Optional.empty());
  }

  public Manifest withEnvelopes(List<Envelope> e) {
    return new Manifest(chainId, ledger, fileId, owner, metadata, partSize, parts, e, signature);
  }

  public Optional<Envelope> envelopeFor(Address reader) {
    return envelopes.stream().filter(e -> e.recipient().equals(reader)).findFirst();
  }
}
