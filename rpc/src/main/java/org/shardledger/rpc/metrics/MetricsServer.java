package org.shardledger.rpc.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Supplier;
import org.shardledger.rpc.http.HttpAnswer;
import org.shardledger.rpc.http.HttpServer;
import org.shardledger.rpc.http.HttpServerSettings;

/**
 * {@code GET /metrics}: the Prometheus text exposition a role's registry renders, on the project's HTTP server
 * (its own address, {@code --metrics HOST:PORT}). It knows nothing of the metrics library: it serves a string.
 */
public final class MetricsServer implements AutoCloseable {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  public static MetricsServer start(InetSocketAddress bind, Supplier<String> scrape) throws IOException {
    return new MetricsServer(HttpServer.start(HttpServerSettings.defaults(bind, "metrics").withMaxRequestBytes(4096)
        .withWorkers(2, 16), call -> {
          if (!"GET".equals(call.method()) && !"HEAD".equals(call.method())) {
            return HttpAnswer.text(405, "text/plain", "GET /metrics\n");
          }
          if (!"/metrics".equals(call.path())) {
            return HttpAnswer.text(404, "text/plain", "metrics are at /metrics\n");
          }
          return HttpAnswer.text(200, CONTENT_TYPE, scrape.get());
        }));
  }

  public URI url() {
    return URI.create(server.url() + "/metrics");
  }

  @Override
  public void close() {
    server.close();
  }
}
