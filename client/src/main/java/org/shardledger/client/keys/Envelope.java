package org.shardledger.client.keys;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.crypto.Address;

/** A file key sealed for one reader with HPKE: who it is for, the key it was sealed to, enc and ciphertext. */
public record Envelope(Address recipient, X25519PublicKey recipientKey, Bytes enc, Bytes ciphertext) {
  public static final int ENC_SIZE = 32;
  /** A 32-byte file key plus the 16-byte GCM tag. */
  public static final int CIPHERTEXT_SIZE = 48;

  public Envelope {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(recipientKey, "recipientKey");
    Objects.requireNonNull(enc, "enc");
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (enc.length() != ENC_SIZE) {
      throw new IllegalArgumentException("an envelope's enc has 32 bytes, got " + enc.length());
    }
    if (ciphertext.length() != CIPHERTEXT_SIZE) {
      throw new IllegalArgumentException("an envelope's ciphertext has 48 bytes, got " + ciphertext.length());
    }
  }
}
