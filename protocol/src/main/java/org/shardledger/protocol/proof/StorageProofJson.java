package org.shardledger.protocol.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;

/**
 * The JSON form of a storage proof (command line, JSON-RPC), with Ethereum conventions: quantities as {@code 0x}
 * hex numbers, data as {@code 0x} hex strings.
 *
 * <pre>{"version":1,"dealId":"0x7","epoch":"0x2a","samples":[{"index":"0x3","segment":"0x…","path":["0x…"]}]}</pre>
 */
public final class StorageProofJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StorageProofJson() {}

  public static ObjectNode toTree(StorageProof proof) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", StorageProofCodec.VERSION);
    root.put("dealId", Hex.quantity(proof.dealId()));
    root.put("epoch", Hex.quantity(proof.epoch()));
    ArrayNode samples = root.putArray("samples");
    for (SegmentProof s : proof.samples()) {
      ObjectNode sample = samples.addObject();
      sample.put("index", Hex.quantity(s.index()));
      sample.put("segment", s.segment().toHex());
      ArrayNode path = sample.putArray("path");
      s.path().forEach(node -> path.add(node.toHex()));
    }
    return root;
  }

  public static String toJson(StorageProof proof) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(proof));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write proof JSON", e);
    }
  }

  public static StorageProof fromJson(String json) throws MalformedProofException {
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new MalformedProofException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static StorageProof fromTree(JsonNode root) throws MalformedProofException {
    if (root == null || !root.isObject()) {
      throw new MalformedProofException("a proof is a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToInt() || version.asInt() != StorageProofCodec.VERSION) {
      throw new MalformedProofException("unsupported or missing proof version: " + version);
    }
    try {
      long dealId = Hex.parseLongQuantity(text(root, "dealId"));
      long epoch = Hex.parseLongQuantity(text(root, "epoch"));
      JsonNode samplesNode = root.get("samples");
      if (samplesNode == null || !samplesNode.isArray()) {
        throw new MalformedProofException("\"samples\" must be an array");
      }
      List<SegmentProof> samples = new ArrayList<>(samplesNode.size());
      for (int i = 0; i < samplesNode.size(); i++) {
        samples.add(sample(samplesNode.get(i), i));
      }
      StorageProof proof = new StorageProof(dealId, epoch, samples);
      StorageProofCodec.encode(proof);
      return proof;
    } catch (IllegalArgumentException e) {
      throw new MalformedProofException(e.getMessage(), e);
    }
  }

  private static SegmentProof sample(JsonNode node, int i) throws MalformedProofException {
    if (node == null || !node.isObject()) {
      throw new MalformedProofException("sample " + i + " must be an object");
    }
    JsonNode pathNode = node.get("path");
    if (pathNode == null || !pathNode.isArray()) {
      throw new MalformedProofException("sample " + i + ": \"path\" must be an array");
    }
    List<Bytes32> path = new ArrayList<>(pathNode.size());
    for (JsonNode p : pathNode) {
      if (!p.isTextual()) {
        throw new MalformedProofException("sample " + i + ": path nodes are 0x hex strings");
      }
      path.add(Bytes32.fromHex(p.asText()));
    }
    return new SegmentProof(Hex.parseLongQuantity(text(node, "index")), Bytes.fromHex(text(node, "segment")), path);
  }

  private static String text(JsonNode node, String field) throws MalformedProofException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new MalformedProofException("\"" + field + "\" must be a 0x hex string");
    }
    return value.asText();
  }
}
