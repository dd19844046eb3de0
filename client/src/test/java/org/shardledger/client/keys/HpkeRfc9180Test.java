package org.shardledger.client.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Hex;

/** The envelope's HPKE against RFC 9180's published vector for its suite (testvectors/hpke-rfc9180.json). */
class HpkeRfc9180Test {
  static JsonNode vector() throws Exception {
    return new ObjectMapper().readTree(Path.of("..", "testvectors", "hpke-rfc9180.json").toFile());
  }

  static byte[] hex(JsonNode v, String field) {
    return Hex.decode(v.get(field).asText());
  }

  @Test
  void theVectorIsForThePinnedSuite() throws Exception {
    JsonNode v = vector();
    assertThat(v.get("mode").asInt()).isZero();
    assertThat(v.get("kem_id").asInt()).isEqualTo(0x20);
    assertThat(v.get("kdf_id").asInt()).isEqualTo(1);
    assertThat(v.get("aead_id").asInt()).isEqualTo(2);
  }

  @Test
  void sealingWithTheVectorsEphemeralKeyGivesItsEncAndCiphertext() throws Exception {
    JsonNode v = vector();
    JsonNode first = v.get("encryptions").get(0);
    AsymmetricCipherKeyPair ephemeral = Hpke.keyPair(hex(v, "skEm"), hex(v, "pkEm"));
    byte[][] sealed = Hpke.seal(hex(v, "pkRm"), hex(v, "info"), hex(first, "aad"), hex(first, "pt"), ephemeral);
    assertThat(Hex.encode(sealed[0])).isEqualTo(v.get("enc").asText());
    assertThat(Hex.encode(sealed[1])).isEqualTo(first.get("ct").asText());
  }

  @Test
  void openingTheVectorsCiphertextGivesItsPlaintext() throws Exception {
    JsonNode v = vector();
    JsonNode first = v.get("encryptions").get(0);
    AsymmetricCipherKeyPair recipient = Hpke.keyPair(hex(v, "skRm"), hex(v, "pkRm"));
    assertThat(Hpke.open(hex(v, "enc"), recipient, hex(v, "info"), hex(first, "aad"), hex(first, "ct")))
        .isEqualTo(hex(first, "pt"));
    // the second encryption used sequence number 1: as a single-shot seal it must not open
    JsonNode second = v.get("encryptions").get(1);
    assertThat(Hpke.open(hex(v, "enc"), recipient, hex(v, "info"), hex(second, "aad"), hex(second, "ct"))).isNull();
  }

  @Test
  void theRecipientsPublicKeyIsX25519OfItsPrivateKey() throws Exception {
    JsonNode v = vector();
    byte[] pk = new byte[32];
    X25519.scalarMultBase(hex(v, "skRm"), 0, pk, 0);
    assertThat(pk).isEqualTo(hex(v, "pkRm"));
  }
}
