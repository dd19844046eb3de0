package org.shardledger.client.manifest;

/** Every way a manifest can be refused. */
public enum ManifestProblem {
  /** Not JSON, or not a JSON object. */
  UNPARSEABLE,
  /** Not {@code shardledger.manifest.v1}. */
  WRONG_VERSION,
  /** JSON, but a field is missing, unknown, of the wrong type or out of range. */
  MALFORMED,
  WRONG_CHAIN,
  WRONG_LEDGER,
  UNSIGNED,
  /** The signature is not the owner's over this content: the manifest was altered after it was signed. */
  BAD_SIGNATURE,
  /** No envelope for this account: another owner's file, or the wrong account key. */
  NO_ENVELOPE,
  /** The envelope was sealed to another X25519 key than this account's: the wrong account key, or altered. */
  WRONG_KEY,
  /** The envelope does not open, or gives a key that does not open the file's metadata: altered or replaced. */
  BAD_ENVELOPE
}
