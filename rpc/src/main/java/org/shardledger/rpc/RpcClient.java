package org.shardledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls JSON-RPC methods over HTTP. An error answer is an {@link RpcException}; no answer, or an answer larger than
 * the client's cap, is an IOException: a server that answers without end cannot fill this process's memory.
 */
public final class RpcClient {
  /** The default cap on an answer's body, as large as a request the project's servers take. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 << 20;

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();
  private final java.util.Map<String, String> headers;
  private final int maxResponseBytes;

  public RpcClient(URI url, Duration timeout) {
    this(url, timeout, java.util.Map.of());
  }

  /** A client that sends these headers with every request (e.g. the admin interface's Authorization). */
  public RpcClient(URI url, Duration timeout, java.util.Map<String, String> headers) {
    this(url, timeout, headers, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** As above, refusing answers longer than {@code maxResponseBytes} (e.g. reads a node passes on to a page). */
  public RpcClient(URI url, Duration timeout, java.util.Map<String, String> headers, int maxResponseBytes) {
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
    }
    this.url = url;
    this.timeout = timeout;
    this.headers = java.util.Map.copyOf(headers);
    this.maxResponseBytes = maxResponseBytes;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public URI url() {
    return url;
  }

  /** Calls one of the project's methods. */
  public JsonNode call(MethodName method, Object... params) throws IOException, RpcException {
    return call(method.wire(), params);
  }

  /** Calls a method by its name on the wire (another project's node, or a name that is deliberately wrong). */
  public JsonNode call(String method, Object... params) throws IOException, RpcException {
    ObjectNode request = RpcDispatcher.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
        .put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(p instanceof JsonNode n ? n : RpcDispatcher.JSON.valueToTree(p));
    }
    HttpResponse<byte[]> response;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
          .header("content-type", "application/json");
      headers.forEach(builder::header);
      response = http.send(builder.POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
          CappedBody.handler(maxResponseBytes));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + method, e);
    }
    if (response.body() == null) {
      throw new IOException(url + " answered " + method + " with more than " + maxResponseBytes + " bytes");
    }
    JsonNode answer;
    try {
      answer = RpcDispatcher.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException(url + " answered " + method + " with something that is not JSON (HTTP "
          + response.statusCode() + ")", e);
    }
    if (answer.has("error")) {
      JsonNode error = answer.get("error");
      throw new RpcException(RpcError.ofCode(error.path("code").asInt()), error.path("message").asText(),
          error.get("data"));
    }
    return answer.get("result");
  }
}
