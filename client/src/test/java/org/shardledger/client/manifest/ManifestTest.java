package org.shardledger.client.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.Envelope;
import org.shardledger.client.keys.Envelopes;
import org.shardledger.client.keys.X25519PublicKey;
import org.shardledger.protocol.bytes.Hex;

class ManifestTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final FileKey key = FileKey.random(new SecureRandom());
  final Manifest signed = Manifests.signed(Manifests.ALICE, key, 1);
  final String json = ManifestCodec.toJson(signed);
  final ManifestVerifier verifier = new ManifestVerifier(Manifests.CHAIN, Manifests.LEDGER);
  final EncryptionKey alice = EncryptionKey.derive(Manifests.ALICE);
  final EncryptionKey bob = EncryptionKey.derive(Manifests.BOB);

  /** The manifest's JSON with one change made to its tree. */
  String edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(json);
    edit.accept(tree);
    return JSON.writeValueAsString(tree);
  }

  static ObjectNode shard(ObjectNode tree, int part, int shard) {
    return (ObjectNode) tree.get("parts").get(part).get("shards").get(shard);
  }

  ManifestCheck.Rejected rejected(ManifestCheck check) {
    assertThat(check).isInstanceOf(ManifestCheck.Rejected.class);
    return (ManifestCheck.Rejected) check;
  }

  @Test
  void roundTripsAndOpensForItsOwner() throws Exception {
    assertThat(ManifestCodec.parse(json)).isEqualTo(signed);
    ManifestCheck check = verifier.open(json, alice);
    assertThat(check).isInstanceOf(ManifestCheck.Opened.class);
    ManifestCheck.Opened opened = (ManifestCheck.Opened) check;
    assertThat(opened.fileKey()).isEqualTo(key);
    assertThat(opened.metadata().name()).isEqualTo("f.bin");
    assertThat(opened.metadata().length()).isEqualTo(1234);
  }

  @Test
  void theJsonIsCanonicalAndLayoutDoesNotMatter() throws Exception {
    assertThat(json).doesNotContain(" ", "\n");
    List<String> names = new java.util.ArrayList<>();
    JSON.readTree(json).fieldNames().forEachRemaining(names::add);
    assertThat(names).isSorted();
    assertThat(names).containsExactly("chainId", "coding", "encryption", "envelopes", "fileId", "ledger",
        "metadata", "owner", "parts", "signature", "version");
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
    assertThat(ManifestCodec.toJson(ManifestCodec.parse(pretty))).isEqualTo(json);
    assertThat(verifier.verify(pretty)).isInstanceOf(ManifestCheck.Verified.class);
  }

  @Test
  void envelopesAreOutsideTheSignatureSoSharingNeedsNoNewSignature() throws Exception {
    Envelope forBob = Envelopes.seal(key, bob.account(), bob.publicKey(), signed.envelopeContext());
    List<Envelope> both = List.of(signed.envelopes().get(0), forBob);
    Manifest shared = signed.withEnvelopes(both);
    assertThat(ManifestSignature.contentHash(shared)).isEqualTo(ManifestSignature.contentHash(signed));
    assertThat(verifier.open(ManifestCodec.toJson(shared), bob)).isInstanceOf(ManifestCheck.Opened.class);
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThat(rejected(verifier.verify("{\"version\": ")).problem()).isEqualTo(ManifestProblem.UNPARSEABLE);
    assertThat(rejected(verifier.verify("[1, 2]")).problem()).isEqualTo(ManifestProblem.UNPARSEABLE);
    assertThat(rejected(verifier.verify("")).problem()).isEqualTo(ManifestProblem.UNPARSEABLE);
    assertThat(rejected(verifier.verify(json + "{}")).problem()).isEqualTo(ManifestProblem.UNPARSEABLE);
  }

  @Test
  void refusesAnotherVersion() throws Exception {
    ManifestCheck.Rejected r = rejected(verifier.verify(edited(t -> t.put("version", "shardledger.manifest.v2"))));
    assertThat(r.problem()).isEqualTo(ManifestProblem.WRONG_VERSION);
    assertThat(r.reason()).contains("shardledger.manifest.v2", "shardledger.manifest.v1");
    assertThat(rejected(verifier.verify(edited(t -> t.remove("version")))).problem())
        .isEqualTo(ManifestProblem.WRONG_VERSION);
  }

  @Test
  void refusesMissingUnknownDuplicatedOrOutOfRangeFields() throws Exception {
    ManifestCheck.Rejected missing = rejected(verifier.verify(edited(t -> shard(t, 0, 1).remove("root"))));
    assertThat(missing.problem()).isEqualTo(ManifestProblem.MALFORMED);
    assertThat(missing.reason()).contains("manifest.parts[0].shards[1].root");
    ManifestCheck.Rejected unknown = rejected(verifier.verify(edited(t -> t.put("comment", "hello"))));
    assertThat(unknown.reason()).contains("unknown field manifest.comment");
    assertThat(rejected(verifier.verify(json.replace("{\"chainId\":31337,", "{\"chainId\":31337,\"chainId\":1,")))
        .problem()).isEqualTo(ManifestProblem.UNPARSEABLE);
    assertThat(rejected(verifier.verify(edited(t -> shard(t, 1, 0).put("size", -1)))).reason())
        .contains("parts[1].shards[0].size");
    assertThat(rejected(verifier.verify(edited(t -> shard(t, 1, 0).put("segmentSize", 1000)))).reason())
        .contains("power of two");
    assertThat(rejected(verifier.verify(edited(t -> ((ObjectNode) t.get("parts").get(0)).put("shareSize", 1000))))
        .reason()).contains("parts[0]", "share size");
    assertThat(rejected(verifier.verify(edited(t -> ((ObjectNode) t.get("parts").get(0)).put("parityShards", 0))))
        .reason()).contains("parity shards (m) must be at least 1");
    assertThat(rejected(verifier.verify(edited(t -> ((ArrayNode) t.get("parts").get(0).get("shards")).remove(2))))
        .reason()).contains("lists 2 shards");
    assertThat(rejected(verifier.verify(edited(t -> ((ObjectNode) t.get("encryption"))
        .put("ciphertextSegmentSize", 4096)))).reason()).contains("unsupported encryption");
    assertThat(rejected(verifier.verify(edited(t -> ((ObjectNode) t.get("coding")).put("partSize", 5)))).reason())
        .contains("part size");
  }

  @Test
  void refusesAnotherChainOrLedger() throws Exception {
    assertThat(rejected(new ManifestVerifier(1, Manifests.LEDGER).verify(json)).problem())
        .isEqualTo(ManifestProblem.WRONG_CHAIN);
    ManifestCheck.Rejected r = rejected(new ManifestVerifier(Manifests.CHAIN,
        org.shardledger.protocol.crypto.Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3")).verify(json));
    assertThat(r.problem()).isEqualTo(ManifestProblem.WRONG_LEDGER);
    // editing the chain in the manifest does not help: the signature is over the domain too
    assertThat(rejected(new ManifestVerifier(1, Manifests.LEDGER).verify(edited(t -> t.put("chainId", 1))))
        .problem()).isEqualTo(ManifestProblem.BAD_SIGNATURE);
  }

  @Test
  void refusesTamperedRootsSizesHintsMetadataAndSignatures() throws Exception {
    List<Consumer<ObjectNode>> tampers = List.of(
        t -> shard(t, 0, 1).put("root", "0x" + "ab".repeat(32)),
        t -> shard(t, 1, 2).put("size", 65537),
        t -> shard(t, 0, 0).put("segmentSize", 8192),
        t -> ((ArrayNode) shard(t, 0, 0).get("deals")).removeAll().add("8"),
        t -> ((ObjectNode) t.get("parts").get(1)).put("ciphertextLength", 99),
        t -> t.put("metadata", flipLastByte(t.get("metadata").asText())),
        t -> t.put("owner", Manifests.BOB.address().toHex()),
        t -> t.put("signature", flipByte(t.get("signature").asText(), 10)));
    for (int i = 0; i < tampers.size(); i++) {
      ManifestCheck.Rejected r = rejected(verifier.open(edited(tampers.get(i)), alice));
      assertThat(r.problem()).as("tamper %d: %s", i, r.reason()).isEqualTo(ManifestProblem.BAD_SIGNATURE);
      assertThat(r.reason()).contains("altered after it was signed");
    }
    assertThat(rejected(verifier.verify(edited(t -> t.remove("signature")))).problem())
        .isEqualTo(ManifestProblem.UNSIGNED);
  }

  @Test
  void refusesAnotherOwnersManifestAndTheWrongAccountKey() {
    Manifest bobs = Manifests.signed(Manifests.BOB, FileKey.random(new SecureRandom()), 2);
    ManifestCheck.Rejected r = rejected(verifier.open(ManifestCodec.toJson(bobs), alice));
    assertThat(r.problem()).isEqualTo(ManifestProblem.NO_ENVELOPE);
    assertThat(r.reason()).contains(Manifests.BOB.address().toString(), alice.account().toString(),
        "another owner's file");
    // Alice's own manifest read with Bob's account key
    assertThat(rejected(verifier.open(json, bob)).problem()).isEqualTo(ManifestProblem.NO_ENVELOPE);
  }

  @Test
  void refusesTamperedEnvelopes() throws Exception {
    ManifestCheck.Rejected flipped = rejected(verifier.open(edited(t -> {
      ObjectNode e = (ObjectNode) t.get("envelopes").get(0);
      e.put("ciphertext", flipLastByte(e.get("ciphertext").asText()));
    }), alice));
    assertThat(flipped.problem()).isEqualTo(ManifestProblem.BAD_ENVELOPE);

    ManifestCheck.Rejected otherKey = rejected(verifier.open(edited(t ->
        ((ObjectNode) t.get("envelopes").get(0)).put("recipientKey", bob.publicKey().toHex())), alice));
    assertThat(otherKey.problem()).isEqualTo(ManifestProblem.WRONG_KEY);

    // a well-formed envelope to Alice's key, but with another file key: caught by the sealed metadata
    Envelope replaced = Envelopes.seal(FileKey.random(new SecureRandom()), alice.account(), alice.publicKey(),
        signed.envelopeContext());
    ManifestCheck.Rejected r = rejected(verifier.open(signed.withEnvelopes(List.of(replaced)), alice));
    assertThat(r.problem()).isEqualTo(ManifestProblem.BAD_ENVELOPE);
    assertThat(r.reason()).contains("replaced");
  }

  @Test
  void writesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("f.manifest.json");
    ManifestFile.write(file, signed);
    assertThat(ManifestFile.read(file)).isEqualTo(json + "\n");
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestFile.read(dir.resolve("nope.json")))
        .hasMessageContaining("does not exist");
  }

  static String flipLastByte(String hex) {
    byte[] b = Hex.decode(hex);
    b[b.length - 1] ^= 1;
    return Hex.encode(b);
  }

  static String flipByte(String hex, int i) {
    byte[] b = Hex.decode(hex);
    b[i] ^= 1;
    return Hex.encode(b);
  }

  @Test
  void envelopeKeysAreThirtyTwoBytes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> X25519PublicKey.fromHex("0x00"))
        .hasMessageContaining("32 bytes");
  }
}
