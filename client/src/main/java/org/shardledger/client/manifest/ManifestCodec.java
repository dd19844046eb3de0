package org.shardledger.client.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shardledger.client.keys.Envelope;
import org.shardledger.client.keys.X25519PublicKey;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;

/**
 * The manifest's JSON: canonical (RFC 8785) when written, strict when read — unknown, missing or duplicated
 * fields are errors, since the signature covers only what this codec writes back.
 */
public final class ManifestCodec {
  static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private ManifestCodec() {}

  /** The whole manifest, canonical, as the manifest file holds it. */
  public static String toJson(Manifest m) {
    ObjectNode node = signedContent(m);
    ArrayNode envelopes = node.putArray("envelopes");
    for (Envelope e : m.envelopes()) {
      envelopes.addObject().put("recipient", e.recipient().toHex()).put("recipientKey", e.recipientKey().toHex())
          .put("enc", e.enc().toHex()).put("ciphertext", e.ciphertext().toHex());
    }
    m.signature().ifPresent(s -> node.put("signature", s.toHex()));
    return CanonicalJson.write(node);
  }

  /** What the owner signs: the canonical JSON of everything but {@code envelopes} and {@code signature}. */
  public static byte[] signedBytes(Manifest m) {
    return CanonicalJson.write(signedContent(m)).getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode signedContent(Manifest m) {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", Manifest.VERSION).put("chainId", m.chainId()).put("ledger", m.ledger().toHex())
        .put("fileId", m.fileId().toHex()).put("owner", m.owner().toHex()).put("metadata", m.metadata().toHex());
    node.set("encryption", ManifestSchemes.encryption());
    node.set("coding", ManifestSchemes.coding(m.partSize()));
    ArrayNode parts = node.putArray("parts");
    for (ManifestPart p : m.parts()) {
      ObjectNode part = parts.addObject().put("index", p.index()).put("ciphertextLength", p.ciphertextLength())
          .put("dataShards", p.dataShards()).put("parityShards", p.parityShards()).put("shareSize", p.shareSize());
      ArrayNode shards = part.putArray("shards");
      for (ManifestShard s : p.shards()) {
        ObjectNode shard = shards.addObject().put("index", s.index()).put("root", s.root().toHex())
            .put("size", s.size()).put("segmentSize", s.segmentSize());
        ArrayNode deals = shard.putArray("deals");
        s.deals().forEach(d -> deals.add(d.toString()));
      }
    }
    return node;
  }

  public static Manifest parse(String text) throws ManifestRejectedException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ManifestRejectedException(ManifestProblem.UNPARSEABLE,
          "manifest is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ManifestRejectedException(ManifestProblem.UNPARSEABLE, "manifest is not a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isTextual() || !version.asText().equals(Manifest.VERSION)) {
      throw new ManifestRejectedException(ManifestProblem.WRONG_VERSION, "manifest version is "
          + (version == null ? "missing" : version) + ", expected \"" + Manifest.VERSION + "\"");
    }
    try {
      return read(new Fields(root, "manifest"));
    } catch (IllegalArgumentException e) {
      throw new ManifestRejectedException(ManifestProblem.MALFORMED, "malformed manifest: " + e.getMessage());
    }
  }

  private static Manifest read(Fields f) {
    f.only("version", "chainId", "ledger", "fileId", "owner", "metadata", "encryption", "coding", "parts",
        "envelopes", "signature");
    ManifestSchemes.checkEncryption(f.object("encryption"));
    long partSize = ManifestSchemes.checkCoding(f.object("coding"));
    List<ManifestPart> parts = new ArrayList<>();
    for (Fields p : f.objects("parts")) {
      p.only("index", "ciphertextLength", "dataShards", "parityShards", "shareSize", "shards");
      List<ManifestShard> shards = new ArrayList<>();
      for (Fields s : p.objects("shards")) {
        s.only("index", "root", "size", "segmentSize", "deals");
        shards.add(s.wrap(() -> new ManifestShard(s.integer("index"), Bytes32.fromHex(s.text("root")),
            s.number("size"), s.integer("segmentSize"), s.decimals("deals"))));
      }
      parts.add(p.wrap(() -> new ManifestPart(p.integer("index"), p.number("ciphertextLength"),
          p.integer("dataShards"), p.integer("parityShards"), p.integer("shareSize"), shards)));
    }
    List<Envelope> envelopes = new ArrayList<>();
    for (Fields e : f.objects("envelopes")) {
      e.only("recipient", "recipientKey", "enc", "ciphertext");
      envelopes.add(e.wrap(() -> new Envelope(Address.fromHex(e.text("recipient")),
          X25519PublicKey.fromHex(e.text("recipientKey")), Bytes.fromHex(e.text("enc")),
          Bytes.fromHex(e.text("ciphertext")))));
    }
    Optional<Signature> signature = f.has("signature")
        ? Optional.of(f.wrap(() -> Signature.fromHex(f.text("signature")))) : Optional.empty();
    return f.wrap(() -> new Manifest(f.number("chainId"), Address.fromHex(f.text("ledger")),
        Bytes32.fromHex(f.text("fileId")), Address.fromHex(f.text("owner")), Bytes.fromHex(f.text("metadata")),
        partSize, parts, envelopes, signature));
  }
}
