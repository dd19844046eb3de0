package org.shardledger.contracts.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.shardledger.protocol.crypto.Address;

/** The deployment file: a small JSON document, written atomically. */
public final class DeploymentFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DeploymentFile() {}

  public static void write(Path file, Deployment d) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("chainId", d.chainId());
    node.put("ledger", d.ledger().toChecksumHex());
    node.put("credit", d.credit().toChecksumHex());
    node.put("disputeCourt", d.disputeCourt().toChecksumHex());
    node.put("keyRegistry", d.keyRegistry().toChecksumHex());
    node.put("deployBlock", d.deployBlock());
    node.put("genesisBlock", d.genesisBlock());
    node.put("epochLength", d.epochLength());
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".deployment", ".tmp");
    Files.writeString(tmp, JSON.writeValueAsString(node) + "\n");
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public static Deployment read(Path file) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IOException("no deployment file at " + file + " (create one with 'shardledger deploy')", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + " is not a deployment file: " + e.getOriginalMessage(), e);
    }
    try {
      return new Deployment(required(node, "chainId", file).asLong(),
          Address.fromHex(required(node, "ledger", file).asText()),
          Address.fromHex(required(node, "credit", file).asText()),
          Address.fromHex(required(node, "disputeCourt", file).asText()),
          Address.fromHex(required(node, "keyRegistry", file).asText()),
          required(node, "deployBlock", file).asLong(), required(node, "genesisBlock", file).asLong(),
          required(node, "epochLength", file).asLong());
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a valid deployment file: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field, Path file) throws IOException {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      throw new IOException(file + " lacks \"" + field + "\"");
    }
    return value;
  }
}
