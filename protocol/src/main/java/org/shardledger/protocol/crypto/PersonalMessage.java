package org.shardledger.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * EIP-191 version 0x45 ("personal_sign"): keccak256("\x19Ethereum Signed Message:\n" ‖ decimal length ‖ message),
 * signed like any digest (RFC 6979, low s, v = 27/28), so a wallet's {@code personal_sign} of the same message
 * gives the same 65 bytes.
 */
public final class PersonalMessage {
  private static final String PREFIX = "\u0019Ethereum Signed Message:\n";

  private PersonalMessage() {}

  public static Bytes32 digest(byte[] message) {
    byte[] prefix = (PREFIX + message.length).getBytes(StandardCharsets.UTF_8);
    byte[] preimage = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, preimage, 0, prefix.length);
    System.arraycopy(message, 0, preimage, prefix.length, message.length);
    return Keccak256.hash(preimage);
  }

  public static Bytes32 digest(String utf8) {
    return digest(utf8.getBytes(StandardCharsets.UTF_8));
  }

  public static Signature sign(KeyPair key, String utf8) {
    return key.sign(digest(utf8));
  }

  /** The address that signed {@code utf8} with personal_sign, or empty when none can be recovered. */
  public static Optional<Address> signer(String utf8, Signature signature) {
    return Secp256k1.recover(digest(utf8), signature);
  }
}
