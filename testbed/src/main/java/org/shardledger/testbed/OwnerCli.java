package org.shardledger.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner's client in the bed: {@code shardledger put} and {@code get} as their own processes, the commands a user
 * types, the chain RPC through the owner's {@link ChainRpcProxy} and every operator dialled at the endpoint it
 * registered, which is its {@link FaultProxy}. Each run's output is kept in {@code LOGS/owner-N.log}.
 */
public final class OwnerCli {
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(300);
  private static final Pattern STORED = Pattern.compile("in \\d+ deals \\[([0-9, ]*)\\]");

  private final Path logs;
  private final List<String> network;
  private int runs;

  /** {@code network}: the options naming the chain RPC, the deployment and the owner's keystore. */
  OwnerCli(Path logs, List<String> network) {
    this.logs = logs;
    this.network = List.copyOf(network);
  }

  /** One shard on each of two operators (1 + 1), deals of {@code epochs} epochs; returns their ids. */
  public List<Long> put(Path file, Path manifest, long epochs) throws IOException, InterruptedException {
    Path out = run(List.of("put", file.toString(), "--out", manifest.toString(), "--data", "1", "--parity", "1",
        "--extra-uploads", "0", "--epochs", "" + epochs, "--block-time", "PT1S"));
    String text = Files.readString(out);
    Matcher m = STORED.matcher(text);
    if (!m.find()) {
      throw new IOException("put did not store " + file + "; see " + out);
    }
    List<Long> ids = new ArrayList<>();
    for (String id : m.group(1).split(",\\s*")) {
      ids.add(Long.parseLong(id.trim()));
    }
    return ids;
  }

  /** {@code get MANIFEST --out OUT}; returns its exit code (its output is in the log named in {@link #lastLog}). */
  public int get(Path manifest, Path outFile) throws IOException, InterruptedException {
    Files.deleteIfExists(outFile);
    return exit(List.of("get", manifest.toString(), "--out", outFile.toString()));
  }

  /** The log of the last command run. */
  public synchronized Path lastLog() {
    return logs.resolve("owner-" + runs + ".log");
  }

  private Path run(List<String> command) throws IOException, InterruptedException {
    int code = exit(command);
    if (code != 0) {
      throw new IOException("shardledger " + command.getFirst() + " exited with " + code + "; see " + lastLog());
    }
    return lastLog();
  }

  private synchronized int exit(List<String> command) throws IOException, InterruptedException {
    runs++;
    List<String> args = new ArrayList<>(command);
    args.addAll(network);
    return RoleProcess.runToEnd(args, lastLog(), COMMAND_TIMEOUT);
  }
}
