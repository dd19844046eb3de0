package org.shardledger.node.devnet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcServer;
import org.shardledger.rpc.admin.AdminPages;
import org.shardledger.rpc.http.HttpAnswer;
import org.shardledger.rpc.http.HttpServer;
import org.shardledger.rpc.http.HttpServerSettings;

/**
 * The devnet's network view: a page (three files in this jar, served by {@link AdminPages} with its content
 * security policy) and its one JSON-RPC method, {@code network_view} ({@link NetworkReads}), on a loopback server
 * of its own. The page talks only to this server, which reads the ledger; a request whose {@code Host} is not this
 * loopback address is refused (a rebound DNS name reaches nothing).
 */
final class NetworkView implements AutoCloseable {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
  private static final String DIR = "/org/shardledger/node/devnet/network/";

  private final HttpServer server;

  private NetworkView(HttpServer server) {
    this.server = server;
  }

  static NetworkView start(NetworkReads reads) throws IOException {
    AdminPages pages = new AdminPages(NetworkView.class, List.of(
        new AdminPages.Asset("/", DIR + "index.html", "text/html; charset=utf-8"),
        new AdminPages.Asset("/network.js", DIR + "network.js", "text/javascript; charset=utf-8"),
        new AdminPages.Asset("/network.css", DIR + "network.css", "text/css; charset=utf-8")));
    var rpc = RpcServer.service(new RpcDispatcher().register(reads));
    java.util.concurrent.atomic.AtomicInteger port = new java.util.concurrent.atomic.AtomicInteger(-1);
    HttpServer server = HttpServer.start(HttpServerSettings.defaults(new InetSocketAddress("127.0.0.1", 0),
        "network-view").withMaxRequestBytes(64 << 10).withWorkers(2, 32), call -> {
          String host = call.header("host").orElse("").trim().toLowerCase(Locale.ROOT);
          int colon = host.lastIndexOf(':');
          if (colon < 0 || !LOOPBACK.contains(host.substring(0, colon))
              || !host.substring(colon + 1).equals(Integer.toString(port.get()))) {
            return HttpAnswer.text(403, "text/plain", "Host " + host + " is not this loopback interface\n");
          }
          return "POST".equals(call.method()) ? rpc.serve(call) : pages.serve(call);
        });
    port.set(server.port());
    return new NetworkView(server);
  }

  URI url() {
    return URI.create(server.url() + "/");
  }

  @Override
  public void close() {
    server.close();
  }
}
