package org.shardledger.contracts.anvil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnvilProcessTest {
  static final Path BINARY = AnvilBinary.require(Path.of(""));

  @TempDir
  Path dir;

  static String rpc(URI url, String method) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}")).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean waitUntilClosed(int port, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (!listening(port)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  void startsOnAFreeLoopbackPortAndStopsOnClose() throws Exception {
    AnvilProcess anvil = AnvilProcess.start(AnvilConfig.defaults(BINARY, dir));
    try {
      assertThat(anvil.rpcUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(rpc(anvil.rpcUrl(), "eth_chainId")).contains("\"0x7a69\"");
    } finally {
      anvil.close();
    }
    assertThat(waitUntilClosed(anvil.port(), 3000)).isTrue();
    assertThat(Files.exists(dir.resolve("anvil.pid"))).isFalse();
  }

  @Test
  void aBlockTimeMinesBlocksWithoutTransactions() throws Exception {
    try (AnvilProcess anvil = AnvilProcess.start(AnvilConfig.defaults(BINARY, dir).withBlockTime(0.1))) {
      Thread.sleep(600);
      String body = rpc(anvil.rpcUrl(), "eth_blockNumber");
      long block = Long.decode(body.replaceAll(".*\"result\":\"(0x[0-9a-f]+)\".*", "$1"));
      assertThat(block).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void anvilDiesWithItsParentEvenOnKillNine() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        AnvilChildMain.class.getName(), BINARY.toString(), dir.toString())).redirectErrorStream(true).start();
    int port;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      String line;
      port = -1;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("PORT ")) {
          port = Integer.parseInt(line.substring(5).trim());
          break;
        }
      }
      assertThat(port).as("child JVM reported anvil's port").isPositive();
      assertThat(listening(port)).isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(waitUntilClosed(port, 5000)).as("anvil gone after its parent was killed").isTrue();
  }

  @Test
  void aLeftoverFromAPreviousRunIsStoppedAtTheNextStart() throws Exception {
    int orphanPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      orphanPort = s.getLocalPort();
    }
    Process orphan = new ProcessBuilder(BINARY.toString(), "--host", "127.0.0.1", "--port",
        Integer.toString(orphanPort), "--silent").start();
    try {
      long deadline = System.currentTimeMillis() + 5000;
      while (!listening(orphanPort) && System.currentTimeMillis() < deadline) {
        Thread.sleep(25);
      }
      Files.writeString(dir.resolve("anvil.pid"), Long.toString(orphan.pid()));
      try (AnvilProcess anvil = AnvilProcess.start(AnvilConfig.defaults(BINARY, dir))) {
        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).as("leftover anvil stopped").isTrue();
        assertThat(anvil.isAlive()).isTrue();
      }
    } finally {
      orphan.destroyForcibly();
    }
  }

  @Test
  void anAnvilThatCannotStartIsReportedWithItsLog() throws IOException {
    Path fake = dir.resolve("fake-anvil");
    Files.writeString(fake, "#!/bin/sh\necho 'error: address already in use' >&2\nexit 1\n");
    fake.toFile().setExecutable(true);
    assertThatThrownBy(() -> AnvilProcess.start(AnvilConfig.defaults(fake, dir)))
        .isInstanceOf(IOException.class).hasMessageContaining("anvil exited at start")
        .hasMessageContaining("address already in use");
  }

  @Test
  void aMissingBinaryIsAClearError() {
    assertThatThrownBy(() -> AnvilProcess.start(AnvilConfig.defaults(dir.resolve("no-anvil"), dir)))
        .isInstanceOf(IOException.class).hasMessageContaining("no anvil executable");
  }
}
