package org.shardledger.bench.owner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilRpc;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.node.devnet.Devnet;
import org.shardledger.node.devnet.DevnetConfig;

/**
 * {@code put} and {@code get} of one file as whole processes ({@code bin/shardledger}, under {@code /usr/bin/time}),
 * against a devnet in this JVM (Anvil, k + m operators on loopback and at least four, a verifier, a ledger), with
 * each stage's share of the time, the data path's MB/s with the waits for blocks apart, the CPU seconds of the command
 * and of the devnet's JVM meanwhile (the operators, and its roles following the chain: its rate at rest is measured
 * for 10 s first), peak RSS, and the owner's transactions and gas from their receipts; baseline: {@code cp} of the
 * same file in the same run, and the load average before and after.
 *
 * <p>{@code bin/bench main owner.PutGetBench [MiB] [k] [m]} (default 1024 MiB, 2 + 2; up to 12 operators).
 * The machine's two cores are shared by the devnet's roles and the command, as on a one-box devnet.
 */
public final class PutGetBench {
  private static final Pattern STAGE = Pattern.compile("^\\[\\s*([0-9.]+)s\\] (\\w+)\\s+(\\d+)/(\\d+)", Pattern.MULTILINE);
  private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
  private static final Pattern SYS = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
  private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");

  /** {@code put} and {@code get} default to this development account (the devnet's owner). */
  private static final int OWNER = 6;
  private static final List<String> BLOCK_WAITS = List.of("propose", "activate", "cancel");

  private PutGetBench() {}

  public static void main(String[] args) throws Exception {
    long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
    String k = args.length > 1 ? args[1] : "2";
    String m = args.length > 2 ? args[2] : "2";
    Path root = Path.of("").toAbsolutePath();
    Path dir = Files.createDirectories(root.resolve("bench/target/put-get-bench"));
    Path input = dir.resolve("input.bin");
    writeRandom(input, mib << 20);
    System.out.printf(Locale.ROOT, "%d MiB, %s + %s, %d cores, load %s%n", mib, k, m,
        Runtime.getRuntime().availableProcessors(), load());
    double cp = cpMbps(input, dir.resolve("copy.bin"));
    // bin/shardledger rebuilds the project when a source is newer than its jar, and records the file commands' AOT
    // cache when it is missing or older than the jars: never inside a timed command
    if (new ProcessBuilder(root.resolve("bin/shardledger").toString(), "encode", "--version").inheritIO().start()
        .waitFor()
        != 0) {
      throw new IllegalStateException("bin/shardledger --version failed");
    }
    int operators = Math.max(4, Integer.parseInt(k) + Integer.parseInt(m));
    try (Devnet devnet = new Devnet(new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(root), operators, 1,
        1, 1, 10, 0, 50, 0), new PrintWriter(new StringWriter(), true))) {
      devnet.start();
      devnet.chain().fund(DevAccounts.key(OWNER).address(), 10_000_000);
      String rpc = devnet.chain().rpcUrl().toString();
      AnvilRpc anvil = devnet.chain().rpc();
      String deployment = dir.resolve("devnet/deployment.json").toString();
      Path manifest = dir.resolve("input.manifest.json");
      Files.deleteIfExists(manifest);
      double idle = devnetCpuRate(Duration.ofSeconds(10));
      System.out.printf(Locale.ROOT, "the devnet JVM at rest (its roles following the chain): %.2f CPU-s per second%n",
          idle);
      long before = anvil.blockNumber();
      Run put = run(root, dir, List.of("put", input.toString(), "--out", manifest.toString(), "--data", k, "--parity",
          m, "--extra-uploads", "0", "--epochs", "20", "--rpc", rpc, "--deployment", deployment, "--block-time",
          "PT1S"));
      AccountGas.Spent spent = AccountGas.sentBy(anvil, DevAccounts.key(OWNER).address(), before,
          anvil.blockNumber());
      Path back = dir.resolve("back.bin");
      Files.deleteIfExists(back);
      Run get = run(root, dir, List.of("get", manifest.toString(), "--out", back.toString(), "--rpc", rpc,
          "--deployment", deployment));
      if (Files.mismatch(back, input) != -1) {
        throw new IllegalStateException("the file came back different");
      }
      report("put", mib, put, List.of("encode", "upload"), cp);
      System.out.printf(Locale.ROOT, "  chain: %d transactions from the owner, %,d gas in all (their receipts)%n",
          spent.transactions(), spent.gas());
      report("get", mib, get, List.of("fetch", "decode"), cp);
      Files.deleteIfExists(back);
    }
  }

  /**
   * One command's run: wall seconds, peak RSS, its CPU seconds (user + sys), the devnet JVM's CPU seconds meanwhile
   * (the operators receiving, hashing and storing, or reading and sending), each stage's [start, end] and the log.
   */
  private record Run(double seconds, long rssKib, double cpuSeconds, double devnetCpuSeconds,
      Map<String, double[]> stages, String err, String load) {}

  private static Run run(Path root, Path dir, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", root.resolve("bin/shardledger")
        .toString()));
    command.addAll(args);
    Path log = dir.resolve(args.getFirst() + ".log");
    String loadBefore = load();
    long devnetCpu = devnetCpuNanos();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    double devnetSeconds = (devnetCpuNanos() - devnetCpu) / 1e9;
    String err = Files.readString(log);
    if (code != 0) {
      throw new IllegalStateException(args.getFirst() + " failed (" + code + "):\n" + err);
    }
    Map<String, double[]> stages = new LinkedHashMap<>();
    Matcher s = STAGE.matcher(err);
    double[] previous = null;
    while (s.find()) {
      double t = Double.parseDouble(s.group(1));
      double[] stage = stages.get(s.group(2));
      if (stage == null) {
        if (previous != null) {
          previous[1] = Math.max(previous[1], t); // a stage lasts until the next one starts
        }
        stage = new double[] {t, t};
        stages.put(s.group(2), stage);
      }
      stage[1] = Math.max(stage[1], t);
      previous = stage;
    }
    Matcher rss = RSS.matcher(err);
    Matcher wall = WALL.matcher(err);
    return new Run(wall.find() ? wallSeconds(wall.group(1)) : Double.NaN, rss.find() ? Long.parseLong(rss.group(1))
        : -1, seconds(USER, err) + seconds(SYS, err), devnetSeconds, stages, err, loadBefore + " -> " + load());
  }

  private static void report(String what, long mib, Run run, List<String> dataPath, double cp) {
    double bytes = mib * (double) (1 << 20);
    double data = 0;
    double blocks = 0;
    double staged = 0;
    StringBuilder shares = new StringBuilder();
    for (var e : run.stages().entrySet()) {
      double took = e.getValue()[1] - e.getValue()[0];
      staged += took;
      if (dataPath.contains(e.getKey())) {
        data += took;
      } else if (BLOCK_WAITS.contains(e.getKey())) {
        blocks += took;
      }
      shares.append(String.format(Locale.ROOT, " %s %.2fs (%.0f%%)", e.getKey(), took, 100 * took / run.seconds()));
    }
    double rest = run.seconds() - staged;
    Matcher tx = Pattern.compile("\\((\\d+) transactions\\)").matcher(run.err());
    String transactions = tx.find() ? "; the put counted " + tx.group(1) + " deal transactions" : "";
    System.out.printf(Locale.ROOT, "%s: %.1f s whole process, %.0f MB/s; data path (%s) %.2f s = %.0f MB/s; "
        + "waiting for blocks (%s) %.2f s; chain reads and terms %.2f s; JVM start, keys, connect and exit %.2f s%s%n"
        + "  stages:%s%n  CPU: the command %.1f s (user + sys), the devnet JVM %.1f s meanwhile; peak RSS %d MiB%n"
        + "  baseline cp %.0f MB/s; load %s%n", what, run.seconds(), bytes / 1e6 / run.seconds(),
        String.join(" + ", dataPath), data, bytes / 1e6 / data, String.join("/", BLOCK_WAITS), blocks,
        staged - data - blocks, rest, transactions, shares, run.cpuSeconds(), run.devnetCpuSeconds(),
        run.rssKib() >> 10, cp, run.load());
  }

  /** CPU seconds per second this JVM spends over {@code window} while no command runs. */
  private static double devnetCpuRate(Duration window) throws InterruptedException {
    long start = devnetCpuNanos();
    Thread.sleep(window);
    return (devnetCpuNanos() - start) / 1e9 / window.toSeconds();
  }

  private static long devnetCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double seconds(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static double wallSeconds(String text) {
    String[] parts = text.split(":");
    double s = 0;
    for (String part : parts) {
      s = s * 60 + Double.parseDouble(part);
    }
    return s;
  }

  private static double cpMbps(Path from, Path to) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder("cp", from.toString(), to.toString()).inheritIO().start();
    p.waitFor();
    new ProcessBuilder("sync").start().waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.delete(to);
    return Files.size(from) / 1e6 / seconds;
  }

  private static void writeRandom(Path file, long size) throws IOException {
    if (Files.exists(file) && Files.size(file) == size) {
      return;
    }
    Random random = new Random(1);
    byte[] block = new byte[1 << 20];
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      for (long done = 0; done < size; done += block.length) {
        random.nextBytes(block);
        out.write(java.nio.ByteBuffer.wrap(block, 0, (int) Math.min(block.length, size - done)));
      }
    }
  }
}
