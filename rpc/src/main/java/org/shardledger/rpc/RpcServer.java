package org.shardledger.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON-RPC over HTTP POST, bound to loopback unless told otherwise, with a cap on request size. */
public final class RpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
  public static final int MAX_REQUEST_BYTES = 16 << 20;

  private final HttpServer server;
  private final ExecutorService executor;

  private RpcServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static RpcServer start(InetSocketAddress bind, RpcDispatcher dispatcher) throws IOException {
    HttpServer server = HttpServer.create(bind, 64);
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "json-rpc");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, dispatcher));
    server.start();
    LOG.info("JSON-RPC listening on http://{}:{}", bind.getHostString(), server.getAddress().getPort());
    return new RpcServer(server, executor);
  }

  private static void handle(HttpExchange exchange, RpcDispatcher dispatcher) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "{\"error\":\"JSON-RPC takes POST\"}");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      }
      if (body.length > MAX_REQUEST_BYTES) {
        reply(exchange, 413, RpcDispatcher.JSON.writeValueAsString(RpcDispatcher.error(
            com.fasterxml.jackson.databind.node.NullNode.instance, RpcError.INVALID_REQUEST,
            "request larger than " + MAX_REQUEST_BYTES + " bytes")));
        return;
      }
      String answer = dispatcher.handle(new String(body, StandardCharsets.UTF_8));
      if (answer == null) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      reply(exchange, 200, answer);
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public java.net.URI url() {
    return java.net.URI.create("http://" + server.getAddress().getHostString() + ":" + port());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
