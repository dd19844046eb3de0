package org.shardledger.client.keys;

import java.util.Optional;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.crypto.Address;

/**
 * Envelopes as pinned: HPKE base mode sealing the 32-byte file key to a reader's X25519 key, info =
 * {@link EnvelopeContext#info()}, empty aad.
 */
public final class Envelopes {
  private static final byte[] NO_AAD = new byte[0];

  private Envelopes() {}

  public static Envelope seal(FileKey fileKey, Address recipient, X25519PublicKey recipientKey,
      EnvelopeContext context) {
    return seal(fileKey, recipient, recipientKey, context, Hpke.freshEphemeral());
  }

  /** With a given ephemeral key: for known-answer vectors only; a real envelope uses a fresh one every time. */
  static Envelope seal(FileKey fileKey, Address recipient, X25519PublicKey recipientKey, EnvelopeContext context,
      AsymmetricCipherKeyPair ephemeral) {
    byte[][] sealed = Hpke.seal(recipientKey.toArray(), context.info(), NO_AAD, fileKey.toArray(), ephemeral);
    return new Envelope(recipient, recipientKey, Bytes.of(sealed[0]), Bytes.of(sealed[1]));
  }

  /** The file key, or empty when the envelope does not open with this key in this context (altered, or not ours). */
  public static Optional<FileKey> open(Envelope envelope, EncryptionKey own, EnvelopeContext context) {
    AsymmetricCipherKeyPair recipient = Hpke.keyPair(own.privateKey(), own.publicKey().toArray());
    byte[] plain = Hpke.open(envelope.enc().toArray(), recipient, context.info(), NO_AAD,
        envelope.ciphertext().toArray());
    return plain == null || plain.length != FileKey.SIZE ? Optional.empty() : Optional.of(FileKey.of(plain));
  }
}
