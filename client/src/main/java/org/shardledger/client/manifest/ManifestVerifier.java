package org.shardledger.client.manifest;

import java.util.Objects;
import java.util.Optional;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.client.crypto.FileMetadata;
import org.shardledger.client.crypto.MetadataSeal;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.Envelope;
import org.shardledger.client.keys.Envelopes;
import org.shardledger.protocol.crypto.Address;

/**
 * Checks a manifest for one network (chain and ledger) and opens it for one reader. A swapped or altered manifest
 * is refused with the reason, never read with someone else's key.
 */
public final class ManifestVerifier {
  private final long chainId;
  private final Address ledger;

  public ManifestVerifier(long chainId, Address ledger) {
    this.chainId = chainId;
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  public ManifestCheck verify(String json) {
    Manifest m;
    try {
      m = ManifestCodec.parse(json);
    } catch (ManifestRejectedException e) {
      return new ManifestCheck.Rejected(e.problem(), e.getMessage());
    }
    return verify(m);
  }

  public ManifestCheck verify(Manifest m) {
    if (m.chainId() != chainId) {
      return rejected(ManifestProblem.WRONG_CHAIN, "manifest is for chain " + m.chainId() + ", this is chain "
          + chainId);
    }
    if (!m.ledger().equals(ledger)) {
      return rejected(ManifestProblem.WRONG_LEDGER, "manifest is for ledger " + m.ledger() + ", this is ledger "
          + ledger);
    }
    if (m.signature().isEmpty()) {
      return rejected(ManifestProblem.UNSIGNED, "manifest is not signed");
    }
    Optional<Address> signer = ManifestSignature.signer(m);
    if (signer.isEmpty() || !signer.get().equals(m.owner())) {
      return rejected(ManifestProblem.BAD_SIGNATURE, "manifest signature does not match its content for owner "
          + m.owner() + (signer.map(a -> " (it recovers to " + a + ")").orElse(""))
          + ": the manifest was altered after it was signed");
    }
    return new ManifestCheck.Verified(m);
  }

  /** Verifies, then opens the file key from {@code reader}'s envelope and the sealed metadata with it. */
  public ManifestCheck open(String json, EncryptionKey reader) {
    ManifestCheck check = verify(json);
    return check instanceof ManifestCheck.Verified v ? open(v.manifest(), reader) : check;
  }

  public ManifestCheck open(Manifest m, EncryptionKey reader) {
    ManifestCheck check = verify(m);
    if (!(check instanceof ManifestCheck.Verified)) {
      return check;
    }
    Optional<Envelope> envelope = m.envelopeFor(reader.account());
    if (envelope.isEmpty()) {
      return rejected(ManifestProblem.NO_ENVELOPE, "manifest of owner " + m.owner() + " holds no envelope for "
          + reader.account() + (m.owner().equals(reader.account()) ? "" : " (another owner's file, or the wrong "
          + "account key)"));
    }
    if (!envelope.get().recipientKey().equals(reader.publicKey())) {
      return rejected(ManifestProblem.WRONG_KEY, "the envelope for " + reader.account() + " was sealed to key "
          + envelope.get().recipientKey() + ", this account's key is " + reader.publicKey());
    }
    Optional<FileKey> key = Envelopes.open(envelope.get(), reader, m.envelopeContext());
    if (key.isEmpty()) {
      return rejected(ManifestProblem.BAD_ENVELOPE, "the envelope for " + reader.account()
          + " does not open: it was altered");
    }
    Optional<FileMetadata> metadata = MetadataSeal.open(m.metadata(), key.get(), m.fileId());
    if (metadata.isEmpty()) {
      return rejected(ManifestProblem.BAD_ENVELOPE, "the key in the envelope for " + reader.account()
          + " does not open the file's sealed metadata: the envelope was replaced");
    }
    return new ManifestCheck.Opened(m, key.get(), metadata.get());
  }

  private static ManifestCheck rejected(ManifestProblem problem, String reason) {
    return new ManifestCheck.Rejected(problem, reason);
  }
}
