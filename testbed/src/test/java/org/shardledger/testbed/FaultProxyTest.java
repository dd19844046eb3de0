package org.shardledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.shardledger.testkit.LoopbackAcceptor;

class FaultProxyTest {
  /** An echo server on loopback. */
  private static LoopbackAcceptor echo() throws IOException {
    return LoopbackAcceptor.start("echo", s -> {
      try (s) {
        s.getInputStream().transferTo(s.getOutputStream());
      } catch (IOException e) {
        // closed
      }
    });
  }

  private static byte[] roundTrip(Socket s, byte[] data) throws IOException {
    s.getOutputStream().write(data);
    s.getOutputStream().flush();
    return s.getInputStream().readNBytes(data.length);
  }

  @Test
  void passesBytesThroughAndHoldsThemWhilePartitioned() throws Exception {
    try (LoopbackAcceptor server = echo(); FaultProxy proxy = FaultProxy.start(
        TestbedNetwork.loopback(server.port())); Socket s = new Socket()) {
      s.connect(proxy.address());
      s.setSoTimeout(1000);
      assertThat(roundTrip(s, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
      proxy.partition(true);
      s.getOutputStream().write(new byte[] {4});
      assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
      proxy.partition(false);
      assertThat(s.getInputStream().read()).isEqualTo(4);
    }
  }

  @Test
  void resetsOpenConnectionsAndDropsNewOnes() throws Exception {
    try (LoopbackAcceptor server = echo(); FaultProxy proxy = FaultProxy.start(
        TestbedNetwork.loopback(server.port()))) {
      Socket s = new Socket();
      s.connect(proxy.address());
      s.setSoTimeout(2000);
      assertThat(roundTrip(s, new byte[] {9})).containsExactly(9);
      proxy.resetAll();
      InputStream in = s.getInputStream();
      assertThatThrownBy(() -> {
        if (in.read() < 0) {
          throw new IOException("closed");
        }
      }).isInstanceOf(IOException.class);
      s.close();
      proxy.dropNewConnections(true);
      try (Socket t = new Socket()) {
        t.connect(proxy.address());
        t.setSoTimeout(2000);
        t.getOutputStream().write(1);
        assertThat(t.getInputStream().read()).as("dropped at once").isEqualTo(-1);
      } catch (IOException e) {
        assertThat(e.getMessage()).isNotNull();
      }
    }
  }

  @Test
  void addsLatencyAndLimitsTheRate() throws Exception {
    try (LoopbackAcceptor server = echo(); FaultProxy proxy = FaultProxy.start(
        TestbedNetwork.loopback(server.port())); Socket s = new Socket()) {
      s.connect(proxy.address());
      s.setSoTimeout(10_000);
      proxy.latency(300);
      long start = System.nanoTime();
      assertThat(roundTrip(s, new byte[] {7})).containsExactly(7);
      assertThat((System.nanoTime() - start) / 1_000_000).as("two hops of 300 ms").isGreaterThanOrEqualTo(600);
      proxy.heal();
      proxy.slowLink(8192);
      start = System.nanoTime();
      assertThat(roundTrip(s, new byte[8192])).hasSize(8192);
      assertThat((System.nanoTime() - start) / 1_000_000).as("8 KiB each way at 8 KiB/s").isGreaterThanOrEqualTo(1000);
    }
  }
}
