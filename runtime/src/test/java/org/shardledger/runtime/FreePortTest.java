package org.shardledger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortTest {
  @Test
  void aPickedPortLiesBelowTheEphemeralRangeSoNoOutgoingConnectionOrPortZeroListenerCanTakeIt() throws Exception {
    int low = FreePort.ephemeralLow();
    Set<Integer> held = new HashSet<>();
    // the way a port was stolen before: port-0 listeners (and outgoing connections) opened after the pick
    for (int i = 0; i < 50; i++) {
      int port = FreePort.loopback();
      assertThat(port).isLessThan(low).isGreaterThanOrEqualTo(10_000);
      try (ServerSocket ephemeral = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        assertThat(ephemeral.getLocalPort()).isNotEqualTo(port);
      }
      held.add(port);
    }
    for (int port : held) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void aPortSomeoneListensOnIsNeverPicked() throws Exception {
    int port = FreePort.loopback();
    try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < 200; i++) {
        assertThat(FreePort.loopback()).isNotEqualTo(port);
      }
    }
  }
}
