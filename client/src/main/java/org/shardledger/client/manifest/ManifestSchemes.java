package org.shardledger.client.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.client.crypto.PartCipher;

/**
 * The encryption and coding parameters v1 fixes, written into every manifest so a reader can see what it needs;
 * a manifest announcing anything else is refused rather than misread.
 */
final class ManifestSchemes {
  static final String ENCRYPTION = "AES256_GCM_HKDF_STREAMING";
  static final String CODING = "REED_SOLOMON_GF256_CAUCHY";

  private ManifestSchemes() {}

  static ObjectNode encryption() {
    return ManifestCodec.JSON.createObjectNode().put("scheme", ENCRYPTION).put("hkdf", "SHA256")
        .put("derivedKeySize", PartCipher.DERIVED_KEY_SIZE)
        .put("ciphertextSegmentSize", PartCipher.CIPHERTEXT_SEGMENT_SIZE);
  }

  static ObjectNode coding(long partSize) {
    return ManifestCodec.JSON.createObjectNode().put("scheme", CODING).put("polynomial", 0x11D)
        .put("partSize", partSize);
  }

  static void checkEncryption(Fields f) {
    f.only("scheme", "hkdf", "derivedKeySize", "ciphertextSegmentSize");
    if (!f.text("scheme").equals(ENCRYPTION) || !f.text("hkdf").equals("SHA256")
        || f.number("derivedKeySize") != PartCipher.DERIVED_KEY_SIZE
        || f.number("ciphertextSegmentSize") != PartCipher.CIPHERTEXT_SEGMENT_SIZE) {
      throw new IllegalArgumentException("unsupported encryption " + encryptionText(f) + ", v1 is " + encryption());
    }
  }

  private static String encryptionText(Fields f) {
    return f.text("scheme") + "/" + f.text("hkdf") + "/" + f.number("derivedKeySize") + "/"
        + f.number("ciphertextSegmentSize");
  }

  /** The part size, once the scheme is the one v1 knows. */
  static long checkCoding(Fields f) {
    f.only("scheme", "polynomial", "partSize");
    if (!f.text("scheme").equals(CODING) || f.number("polynomial") != 0x11D) {
      throw new IllegalArgumentException("unsupported coding " + f.text("scheme") + " over polynomial "
          + f.number("polynomial") + ", v1 is " + CODING + " over 0x11D (285)");
    }
    return f.number("partSize");
  }
}
