package org.shardledger.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place requests meet methods: parses JSON-RPC 2.0 (single or batch), finds the method, runs it and
 * turns every failure into a JSON-RPC error object. Never throws.
 */
public final class RpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
  static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, RpcMethod> methods = new LinkedHashMap<>();

  public RpcDispatcher register(RpcMethod... ms) {
    for (RpcMethod m : ms) {
      if (methods.putIfAbsent(m.name(), m) != null) {
        throw new IllegalArgumentException("two methods named " + m.name());
      }
    }
    return this;
  }

  public java.util.Set<String> methodNames() {
    return java.util.Collections.unmodifiableSet(methods.keySet());
  }

  /** Answers a request body; null for a batch of notifications only. */
  public String handle(String body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return write(error(JsonNodeFactory.instance.nullNode(), RpcError.PARSE_ERROR, "not JSON: "
          + e.getOriginalMessage()));
    }
    if (request == null) {
      return write(error(JsonNodeFactory.instance.nullNode(), RpcError.INVALID_REQUEST, "empty request"));
    }
    if (request.isArray()) {
      if (request.isEmpty()) {
        return write(error(JsonNodeFactory.instance.nullNode(), RpcError.INVALID_REQUEST, "empty batch"));
      }
      ArrayNode answers = JSON.createArrayNode();
      for (JsonNode r : request) {
        ObjectNode answer = handleOne(r);
        if (answer != null) {
          answers.add(answer);
        }
      }
      return answers.isEmpty() ? null : write(answers);
    }
    ObjectNode answer = handleOne(request);
    return answer == null ? null : write(answer);
  }

  /**
   * One request object's answer; null for a notification. A request that is not a valid request object (not an
   * object, no {@code "jsonrpc":"2.0"}, no method name, an id that is not a string, number or null) is answered
   * Invalid Request with {@code id: null} (or its id, when that is valid), whether it has an id or not: only a
   * well-formed request without an id is a notification (JSON-RPC 2.0, §5 and its examples).
   */
  private ObjectNode handleOne(JsonNode request) {
    JsonNode given = request.isObject() ? request.get("id") : null;
    boolean validId = given == null || given.isTextual() || given.isNumber() || given.isNull();
    JsonNode id = given != null && validId ? given : JsonNodeFactory.instance.nullNode();
    if (!request.isObject() || !"2.0".equals(request.path("jsonrpc").asText()) || !request.path("method").isTextual()
        || !validId) {
      return error(id, RpcError.INVALID_REQUEST,
          "expected {\"jsonrpc\":\"2.0\",\"method\":…,\"params\":[…],\"id\":…} with a string, number or null id");
    }
    boolean notification = given == null;
    String name = request.get("method").asText();
    JsonNode params = request.get("params");
    if (params != null && !params.isArray() && !params.isNull()) {
      return error(id, RpcError.INVALID_PARAMS, "params must be an array");
    }
    RpcMethod method = methods.get(name);
    ObjectNode answer;
    if (method == null) {
      answer = error(id, RpcError.METHOD_NOT_FOUND, "no method " + name);
    } else {
      answer = run(method, id, new RpcParams(params));
    }
    return notification ? null : answer;
  }

  private ObjectNode run(RpcMethod method, JsonNode id, RpcParams params) {
    try {
      ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
      answer.set("id", id);
      answer.set("result", method.execute(params));
      return answer;
    } catch (RpcException e) {
      ObjectNode answer = error(id, e.error(), e.getMessage());
      e.data().ifPresent(data -> ((ObjectNode) answer.get("error")).set("data", data));
      return answer;
    } catch (IllegalArgumentException e) {
      return error(id, RpcError.INVALID_PARAMS, e.getMessage());
    } catch (IOException e) {
      LOG.warn("{} failed: {}", method.name(), e.getMessage());
      return error(id, RpcError.UNAVAILABLE, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed", method.name(), e);
      return error(id, RpcError.INTERNAL_ERROR, "internal error in " + method.name());
    }
  }

  static ObjectNode error(JsonNode id, RpcError error, String message) {
    ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
    answer.set("id", id);
    answer.putObject("error").put("code", error.code()).put("message", message == null ? error.meaning() : message);
    return answer;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
