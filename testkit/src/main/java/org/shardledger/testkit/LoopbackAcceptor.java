package org.shardledger.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A listening socket on a free loopback port whose accept loop hands every connection to a handler on its own
 * virtual thread, until closed: the one accept loop of the test TCP proxies (the testbed's, node's FlakyRpcProxy)
 * and the servers their tests run.
 */
public final class LoopbackAcceptor implements AutoCloseable {
  private final ServerSocket server;

  private LoopbackAcceptor(ServerSocket server) {
    this.server = server;
  }

  /** Listens now; {@code handler} owns each accepted socket (closes it when done). */
  public static LoopbackAcceptor start(String name, Consumer<Socket> handler) throws IOException {
    ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    LoopbackAcceptor acceptor = new LoopbackAcceptor(server);
    Thread.ofVirtual().name(name + "-" + server.getLocalPort()).start(() -> acceptor.acceptLoop(handler));
    return acceptor;
  }

  public int port() {
    return server.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private void acceptLoop(Consumer<Socket> handler) {
    while (!server.isClosed()) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      Thread.ofVirtual().start(() -> handler.accept(s));
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
