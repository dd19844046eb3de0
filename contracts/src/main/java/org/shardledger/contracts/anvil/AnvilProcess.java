package org.shardledger.contracts.anvil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.runtime.FreePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Anvil chain on a loopback port, started and always stopped by this process: Anvil runs under a small
 * supervisor that stops it as soon as the pipe from this JVM closes, so it dies with us even on kill -9. A pid
 * file in the work directory lets the next start clean up anything a previous run left behind.
 */
public final class AnvilProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnvilProcess.class);

  private final AnvilConfig config;
  private final Process supervisor;
  private final int port;

  private AnvilProcess(AnvilConfig config, Process supervisor, int port) {
    this.config = config;
    this.supervisor = supervisor;
    this.port = port;
  }

  public static AnvilProcess start(AnvilConfig config) throws IOException {
    if (!Files.isExecutable(config.binary())) {
      throw new IOException("no anvil executable at " + config.binary()
          + " (run 'npm ci' in contracts/, or point the configuration at an anvil binary)");
    }
    Files.createDirectories(config.workDir());
    Path pidFile = config.workDir().resolve("anvil.pid");
    killLeftover(pidFile);
    Path script = config.workDir().resolve("supervise.sh");
    try (InputStream in = AnvilProcess.class.getResourceAsStream("supervise.sh")) {
      Files.write(script, in.readAllBytes());
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

    int port = config.port() != 0 ? config.port() : FreePort.loopback();
    List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString(), pidFile.toString(),
        config.binary().toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--chain-id", Long.toString(config.chainId()), "--accounts", "10", "--balance", "1000000"));
    if (config.blockTime() != null) {
      command.add("--block-time");
      command.add(config.blockTime().toString());
    }
    if (config.gasLimit() != null) {
      command.add("--gas-limit");
      command.add(config.gasLimit().toString());
    }
    Path log = config.workDir().resolve("anvil.log");
    Process supervisor = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    AnvilProcess anvil = new AnvilProcess(config, supervisor, port);
    try {
      anvil.awaitReady(log);
    } catch (IOException | RuntimeException e) {
      anvil.close();
      throw e;
    }
    LOG.info("anvil is up on {} (chain {}, {})", anvil.rpcUrl(), config.chainId(),
        config.blockTime() == null ? "mining on every transaction" : "a block every " + config.blockTime() + " s");
    return anvil;
  }

  public URI rpcUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public long chainId() {
    return config.chainId();
  }

  public boolean isAlive() {
    return supervisor.isAlive();
  }

  /** Stops Anvil and waits for it to be gone. */
  @Override
  public void close() {
    try {
      OutputStream stdin = supervisor.getOutputStream();
      stdin.close();
    } catch (IOException e) {
      LOG.debug("closing anvil's supervisor pipe", e);
    }
    try {
      if (!supervisor.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(5),
          java.util.concurrent.TimeUnit.MILLISECONDS)) {
        supervisor.destroy();
        supervisor.waitFor();
      }
    } catch (InterruptedException e) {
      supervisor.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady(Path log) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest request = HttpRequest.newBuilder(rpcUrl()).timeout(Duration.ofSeconds(1))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .build();
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!supervisor.isAlive()) {
        throw new IOException("anvil exited at start: " + tail(log));
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for anvil", e);
      }
      sleep(25);
    }
    throw new IOException("anvil did not answer on " + rpcUrl() + " within " + config.startTimeout() + ": "
        + tail(log));
  }

  /** Stops an anvil that a previous run of ours left behind (its pid file is still there). */
  private static void killLeftover(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String pid = Files.readString(pidFile).trim();
    Path cmdline = Path.of("/proc", pid, "cmdline");
    if (pid.matches("\\d+") && Files.exists(cmdline)
        && new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains("anvil")) {
      LOG.warn("stopping an anvil (pid {}) left over from a previous run", pid);
      ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
        p.destroy();
        p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
          p.destroyForcibly();
          return p;
        }).join();
      });
    }
    Files.deleteIfExists(pidFile);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
