package org.shardledger.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one free-port helper: a loopback port nobody listens on, for a process that must be told its port before it
 * starts (Anvil, a role whose URL others need first). The port is drawn below the kernel's ephemeral range, so
 * neither an outgoing connection nor a listener on port 0 (of this or any process) can be handed it between the pick
 * and the bind; a ledger URL picked before six operators opened their connections was taken that way ("address
 * already in use" in DevnetIT). Another process binding that exact port can still take it; the caller's start then
 * fails with "address in use", never silently.
 */
public final class FreePort {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final int DEFAULT_EPHEMERAL_LOW = 32_768;

  private FreePort() {}

  public static int loopback() throws IOException {
    int below = ephemeralLow();
    for (int attempt = 0; below > LOWEST + 1 && attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (bindable(port)) {
        return port;
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The first port of the kernel's ephemeral range (Linux), or the IANA default where it cannot be read. */
  static int ephemeralLow() {
    try {
      // a /proc file reports size 0: read it as lines, not with readString
      String[] range = Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_LOW;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
