package org.shardledger.client.manifest;

import org.shardledger.client.crypto.FileKey;
import org.shardledger.client.crypto.FileMetadata;

/** What checking a manifest found: usable (and, once opened, readable) or refused with the reason. */
public sealed interface ManifestCheck {
  /** Well formed, for the expected chain and ledger, signed by its owner. */
  record Verified(Manifest manifest) implements ManifestCheck {}

  /** Verified, and this reader's envelope gave the file key, which opens the sealed metadata. */
  record Opened(Manifest manifest, FileKey fileKey, FileMetadata metadata) implements ManifestCheck {}

  record Rejected(ManifestProblem problem, String reason) implements ManifestCheck {}
}
