package org.shardledger.testbed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One role as its own JVM, started with the {@code shardledger} command line a user types (the node's main class
 * on the node's classpath), its output appended to {@code LOGS/NAME.log}. {@link #kill()} is kill -9
 * ({@code destroyForcibly}); {@link #terminate} is SIGTERM ({@code destroy}) with a bound on the wait.
 */
public final class RoleProcess implements AutoCloseable {
  private static final String MAIN = "org.shardledger.node.cli.ShardledgerCommand";

  private final String name;
  private final List<String> arguments;
  private final InetSocketAddress readyWhenListening;
  private final Path log;
  private Process process;
  private int starts;

  /**
   * @param readyWhenListening the port the role is ready on once it accepts connections (its JSON-RPC or wire port)
   */
  public RoleProcess(String name, List<String> arguments, InetSocketAddress readyWhenListening, Path logs) {
    this.name = name;
    this.arguments = List.copyOf(arguments);
    this.readyWhenListening = readyWhenListening;
    this.log = logs.resolve(name + ".log");
  }

  public String name() {
    return name;
  }

  /** How many times it was started. */
  public synchronized int starts() {
    return starts;
  }

  public synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** Starts the JVM and waits until it listens (or fails when it exits first or {@code timeout} passes). */
  public synchronized void start(Duration timeout) throws IOException, InterruptedException {
    if (alive()) {
      throw new IllegalStateException(name + " is running");
    }
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        MAIN));
    command.addAll(arguments);
    Files.writeString(log, "=== start " + (starts + 1) + ": shardledger " + String.join(" ", arguments) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    starts++;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      if (listening()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IOException(name + " did not listen on " + readyWhenListening + " within " + timeout + "; see " + log);
  }

  /** Runs the command once more on the same data directory while this one may be running; returns its exit code. */
  public int runSecondCopy(Duration timeout) throws IOException, InterruptedException {
    return runToEnd(arguments, log.resolveSibling(name + "-second.log"), timeout);
  }

  /**
   * Runs a {@code shardledger} command that ends by itself (a second copy of a role, the owner's {@code put} or
   * {@code get}) as its own JVM, its output (stdout and stderr) written to {@code out}; returns its exit code, or
   * throws when it still runs after {@code timeout} (it is killed then).
   */
  public static int runToEnd(List<String> arguments, Path out, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        MAIN));
    command.addAll(arguments);
    Files.createDirectories(out.getParent());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IOException("shardledger " + arguments.getFirst() + " still ran after " + timeout + "; see " + out);
    }
    return p.exitValue();
  }

  /** The second copy's output (after {@link #runSecondCopy}). */
  public String secondCopyOutput() throws IOException {
    return Files.readString(log.resolveSibling(name + "-second.log"));
  }

  /** kill -9. */
  public synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM; returns how long the role took to exit, or throws when it did not within {@code bound}. */
  public synchronized Duration terminate(Duration bound) throws InterruptedException, IOException {
    if (process == null || !process.isAlive()) {
      return Duration.ZERO;
    }
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException(name + " did not stop within " + bound + " of SIGTERM; see " + log);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  public synchronized int exitValue() {
    return process.exitValue();
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(readyWhenListening, 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
