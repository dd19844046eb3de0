package org.shardledger.testbed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP JSON-RPC proxy on loopback in front of the chain (Anvil) for one role, which the test can make answer
 * errors (HTTP 503, or a JSON-RPC error for every call) or stall (hold each request, then forward it).
 */
public final class ChainRpcProxy implements AutoCloseable {
  /** What the proxy does with a request. */
  public enum Mode {
    PASS,
    /** HTTP 503 with an empty body. */
    HTTP_ERROR,
    /** HTTP 200 with a JSON-RPC internal error. */
    RPC_ERROR,
    /** Holds each request for the stall time, then forwards it. */
    STALL
  }

  private final URI target;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong faulted = new AtomicLong();
  private volatile Mode mode = Mode.PASS;
  private volatile Duration stall = Duration.ofSeconds(5);
  private volatile String onlyMethod;

  private ChainRpcProxy(URI target, HttpServer server) {
    this.target = target;
    this.server = server;
  }

  public static ChainRpcProxy start(URI target) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ChainRpcProxy proxy = new ChainRpcProxy(target, server);
    server.createContext("/", proxy::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return proxy;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void mode(Mode newMode) {
    mode = newMode;
  }

  /** Faults only requests that call {@code method} (e.g. eth_sendRawTransaction); null: every request. */
  public void onlyFor(String method) {
    onlyMethod = method;
  }

  public void stallFor(Duration time) {
    stall = time;
  }

  /** Requests answered with an error or stalled so far. */
  public long faulted() {
    return faulted.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String only = onlyMethod;
      Mode now = only != null && !new String(body, StandardCharsets.UTF_8).contains("\"" + only + "\"") ? Mode.PASS
          : mode;
      if (now != Mode.PASS) {
        faulted.incrementAndGet();
      }
      switch (now) {
        case HTTP_ERROR -> {
          exchange.sendResponseHeaders(503, -1);
          return;
        }
        case RPC_ERROR -> {
          reply(exchange, 200, rpcError(new String(body, StandardCharsets.UTF_8)));
          return;
        }
        case STALL -> sleep(stall);
        case PASS -> { }
      }
      HttpResponse<byte[]> answer;
      try {
        answer = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      exchange.getResponseHeaders().add("content-type", "application/json");
      reply(exchange, answer.statusCode(), answer.body());
    }
  }

  /** A JSON-RPC error answering the request's id (a batch gets one error object: clients must cope). */
  private static byte[] rpcError(String request) {
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|[0-9]+)")
        .matcher(request);
    String idText = id.find() ? id.group(1) : "null";
    return ("{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"error\":{\"code\":-32603,\"message\":"
        + "\"testbed: injected chain RPC error\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
