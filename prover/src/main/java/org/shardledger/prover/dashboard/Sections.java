package org.shardledger.prover.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.shardledger.rpc.RpcException;

/**
 * A dashboard answer is made of sections read from different places; one that cannot be read becomes
 * {@code {"error": why}} and the others are still shown.
 */
final class Sections {
  @FunctionalInterface
  interface Read {
    JsonNode read() throws IOException, RpcException;
  }

  private Sections() {}

  static void put(ObjectNode into, String field, Read read) {
    try {
      JsonNode value = read.read();
      into.set(field, value == null ? into.nullNode() : value);
    } catch (RpcException e) {
      into.putObject(field).put("error", e.getMessage());
    } catch (IOException | RuntimeException e) {
      into.putObject(field).put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
