package org.shardledger.rpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.shardledger.rpc.http.HttpAnswer;
import org.shardledger.rpc.http.HttpCall;
import org.shardledger.rpc.http.HttpServer;
import org.shardledger.rpc.http.HttpServerSettings;
import org.shardledger.rpc.http.HttpService;

/**
 * A JSON-RPC 2.0 server: POST bodies go to an {@link RpcDispatcher} over the project's {@link HttpServer}
 * (HTTP/1.1 keep-alive, bodies capped at {@link #MAX_REQUEST_BYTES} and answered 413 with a JSON-RPC error
 * beyond it, pipelined requests answered in order, dispatch on a bounded worker pool). Bind it to 127.0.0.1
 * unless it is meant to be reached from elsewhere.
 */
public final class RpcServer implements AutoCloseable {
  public static final int MAX_REQUEST_BYTES = HttpServerSettings.DEFAULT_MAX_REQUEST_BYTES;

  private final HttpServer server;

  private RpcServer(HttpServer server) {
    this.server = server;
  }

  public static RpcServer start(InetSocketAddress bind, RpcDispatcher dispatcher) throws IOException {
    return start(HttpServerSettings.defaults(bind, "json-rpc"), dispatcher);
  }

  public static RpcServer start(HttpServerSettings settings, RpcDispatcher dispatcher) throws IOException {
    return new RpcServer(HttpServer.start(settings, service(dispatcher)));
  }

  /** The HTTP face of a dispatcher: POST only, a JSON-RPC answer (200) or nothing for notifications (204). */
  public static HttpService service(RpcDispatcher dispatcher) {
    return (HttpCall call) -> {
      if (!"POST".equals(call.method())) {
        return HttpAnswer.json(405, "{\"error\":\"JSON-RPC takes POST\"}");
      }
      String answer = dispatcher.handle(new String(call.body(), java.nio.charset.StandardCharsets.UTF_8));
      return answer == null ? HttpAnswer.noContent() : HttpAnswer.json(200, answer);
    };
  }

  public int port() {
    return server.port();
  }

  public URI url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
