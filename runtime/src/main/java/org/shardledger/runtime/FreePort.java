package org.shardledger.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The one free-port helper: a loopback port nobody listened on a moment ago, for a process that must be told its
 * port before it starts (Anvil, a role whose URL others need first). Another process may take it in between; the
 * caller's start then fails with "address in use", never silently.
 */
public final class FreePort {
  private FreePort() {}

  public static int loopback() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
