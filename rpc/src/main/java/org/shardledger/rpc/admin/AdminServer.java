package org.shardledger.rpc.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcServer;
import org.shardledger.rpc.http.HttpAnswer;
import org.shardledger.rpc.http.HttpServer;
import org.shardledger.rpc.http.HttpServerSettings;
import org.shardledger.rpc.http.HttpService;

/**
 * A role's admin interface: JSON-RPC ({@code admin_*}) on a loopback address only, each request checked by
 * {@link AdminGuard} (loopback Host, no foreign Origin, the token of {@code DATA/admin.token}). Its URL is written to
 * {@code DATA/admin.url}, so a command on the same machine (e.g. {@code prover exit}) finds it with the token.
 */
public final class AdminServer implements AutoCloseable {
  public static final String URL_FILE = "admin.url";

  private final HttpServer server;
  private final Path dataDir;

  private AdminServer(HttpServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Starts on 127.0.0.1 with a free port. */
  public static AdminServer start(Path dataDir, RpcDispatcher dispatcher) throws IOException {
    return start(dataDir, new InetSocketAddress("127.0.0.1", 0), dispatcher);
  }

  /** Starts on {@code bind}, which must be a loopback address. */
  public static AdminServer start(Path dataDir, InetSocketAddress bind, RpcDispatcher dispatcher) throws IOException {
    return start(dataDir, bind, dispatcher, Optional.empty());
  }

  /**
   * As above, also serving {@code pages} to GET requests (a dashboard): those need only the loopback Host, not the
   * token — the page reads the token from its URL's fragment and sends it with each JSON-RPC call, as any client.
   */
  public static AdminServer start(Path dataDir, InetSocketAddress bind, RpcDispatcher dispatcher,
      Optional<AdminPages> pages) throws IOException {
    if (bind.getAddress() == null || !bind.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the admin interface listens on loopback only, not " + bind);
    }
    AdminToken token = AdminToken.loadOrCreate(dataDir);
    AtomicReference<AdminGuard> guard = new AtomicReference<>();
    HttpService rpc = RpcServer.service(dispatcher);
    HttpService guarded = call -> {
      if (pages.isPresent() && "GET".equals(call.method())) {
        return guard.get().pageRefusal(call).orElseGet(() -> pages.get().serve(call));
      }
      Optional<HttpAnswer> refused = guard.get().refusal(call);
      return refused.isPresent() ? refused.get() : rpc.serve(call);
    };
    HttpServer server = HttpServer.start(HttpServerSettings.defaults(bind, "admin").withMaxRequestBytes(1 << 20)
        .withWorkers(2, 64), guarded);
    guard.set(new AdminGuard(token, server.port()));
    AdminServer admin = new AdminServer(server, dataDir);
    Files.writeString(dataDir.resolve(URL_FILE), admin.url() + "\n", StandardCharsets.US_ASCII);
    return admin;
  }

  public URI url() {
    return server.url();
  }

  /** The page at {@code path} with the token in the URL's fragment (never sent to a server, not in any log). */
  public URI pageUrl(String path) throws IOException {
    return URI.create(url() + path + "#token=" + AdminToken.read(dataDir.resolve(AdminToken.FILE)).hex());
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    try {
      Files.deleteIfExists(dataDir.resolve(URL_FILE));
    } catch (IOException e) {
      // a stale URL file only points at a closed port
    }
  }
}
