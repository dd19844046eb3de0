package org.shardledger.node.network;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;

/** A loopback "operator" that answers every connection with random bytes and hangs up. */
final class GarbageServer implements AutoCloseable {
  private final ServerSocket server;
  private final Thread thread;

  GarbageServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "garbage-server");
    thread.setDaemon(true);
    thread.start();
  }

  String endpoint() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    Random random = new Random(9);
    while (!server.isClosed()) {
      try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
        byte[] junk = new byte[64];
        random.nextBytes(junk);
        out.write(junk);
        out.flush();
      } catch (IOException e) {
        // next connection, or closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
