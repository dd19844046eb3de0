package org.shardledger.client.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.EnvelopeVectors;

/**
 * The committed manifest and envelope vectors in {@code testvectors/} must be what this code produces. Regenerate
 * after a deliberate change with {@code -Dshardledger.vectors.write=true}.
 */
class ClientVectorFilesTest {
  static final Path DIR = Path.of("..", "testvectors");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void committedVectorsMatchTheImplementation() throws Exception {
    boolean write = Boolean.getBoolean("shardledger.vectors.write");
    for (Map.Entry<String, ObjectNode> e : Map.of("manifest.json", ManifestVectors.vectors(JSON),
        "envelope.json", EnvelopeVectors.vectors(JSON)).entrySet()) {
      Path file = DIR.resolve(e.getKey());
      String rendered = JSON.writeValueAsString(e.getValue()) + "\n";
      if (write) {
        Files.writeString(file, rendered);
      }
      assertThat(file).as("%s (regenerate with -Dshardledger.vectors.write=true)", file).exists();
      assertThat(Files.readString(file)).as(e.getKey()).isEqualTo(rendered);
    }
  }

  /**
   * Checked with Foundry's cast, an independent EIP-712 and keccak implementation: {@code cast keccak
   * SIGNED_CONTENT} and {@code cast wallet sign --data --from-file typed.json} with the Manifest type, the
   * shardledger domain of chain 31337 and the ledger, and Anvil's account 0.
   */
  @Test
  void contentHashAndSignatureAreWhatCastComputes() throws Exception {
    JsonNode v = ManifestVectors.vectors(JSON);
    assertThat(v.get("contentHash").asText())
        .isEqualTo("0x0a9393f099df65bf8fa6e39fb8e63bd40b29eb170dfc655f71ee97b0acd980b4");
    assertThat(v.get("signature").asText()).isEqualTo("0x95f394b6837390ac07dec22f54a5319fffdc78ad551854258fd182f7c"
        + "63ec9fd654c09bc7a36f307572f477bf247034b6a48e11eb93bab99bce17454e7af9e931b");
    // and the signed content is canonical JSON by another serializer's reading: sorted keys, no whitespace
    String sorted = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
        .writeValueAsString(new ObjectMapper().readValue(v.get("signedContent").asText(), java.util.TreeMap.class));
    assertThat(sorted).isEqualTo(v.get("signedContent").asText());
  }

  @Test
  void theVectorManifestVerifiesAndOpensForItsOwner() throws Exception {
    JsonNode v = JSON.readTree(DIR.resolve("manifest.json").toFile());
    ManifestCheck check = new ManifestVerifier(EnvelopeVectors.CHAIN_ID, EnvelopeVectors.LEDGER)
        .verify(v.get("manifest").asText());
    assertThat(check).isInstanceOf(ManifestCheck.Verified.class);
    // the envelope opens; the vector's metadata is placeholder bytes, so only the key is compared
    Manifest m = ((ManifestCheck.Verified) check).manifest();
    assertThat(org.shardledger.client.keys.Envelopes.open(m.envelopes().get(0),
        EncryptionKey.derive(EnvelopeVectors.ACCOUNT), m.envelopeContext())).contains(EnvelopeVectors.FILE_KEY);
  }
}
