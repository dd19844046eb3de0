package org.shardledger.node.network;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A loopback "operator" that accepts connections and never says a word: every request times out. */
final class SilentServer implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> held = new ArrayList<>();

  SilentServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          synchronized (held) {
            held.add(s);
          }
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-server");
    t.setDaemon(true);
    t.start();
  }

  String endpoint() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
