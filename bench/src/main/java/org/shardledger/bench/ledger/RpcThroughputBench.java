package org.shardledger.bench.ledger;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shardledger.chainstore.settlement.InMemorySettlementStore;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.AnvilProcess;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.rpc.LedgerRpc;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcServer;

/**
 * The ledger's JSON-RPC under load against Anvil's in the same run: {@code ledger_getBalance} and
 * {@code ledger_getClaimProof} over a settlement of N accounts (default 100,000; each with a claim recorded),
 * and Anvil's {@code eth_getBalance} as the baseline, each driven by wrk on loopback (2 threads, 32 connections,
 * a warm-up, then a timed run) with requests spread over 10,000 of the accounts. Prints requests/s and p99 for
 * each and the ratio to Anvil; the goal is at least 0.8x Anvil's requests/s with p99 under 5 ms.
 *
 * <p>Run: {@code bin/bench main ledger.RpcThroughputBench [accounts] [seconds]} (needs {@code wrk}: apt-get
 * install wrk; the ledger's JSON-RPC server is the one every role runs, with its default settings).
 */
public final class RpcThroughputBench {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: (.*)");

  private RpcThroughputBench() {}

  /** What wrk measured. */
  record Figures(double requestsPerSecond, double p99Millis, String errors) {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path work = Files.createTempDirectory("rpc-bench");
    List<Deal> deals = LedgerPersistBenchmark.deals(n);
    InMemorySettlementStore store = new InMemorySettlementStore();
    LedgerPersistBenchmark.settle(LedgerPersistBenchmark.rules(), store, deals, LedgerPersistBenchmark.stakes(deals),
        0);
    Map<Address, BigInteger> claims = new HashMap<>();
    deals.forEach(d -> claims.put(d.operator(), d.pricePerEpoch().divide(BigInteger.TWO)));
    ConfirmedView view = ConfirmedView.open(store, claims, 1_000);
    LedgerRpc.Sources sources = new LedgerRpc.Sources(null, null, store, view, null, null, null, null, List.of());
    RpcDispatcher dispatcher = new RpcDispatcher().register(LedgerRpc.ledger(sources).toArray(RpcMethod[]::new));

    Random random = new Random(17);
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      accounts.add(deals.get(random.nextInt(n)).operator().toHex());
    }
    Path balance = script(work, "balance.lua", accounts, a -> "\"ledger_getBalance\",\"params\":[\"" + a + "\"]");
    Path proof = script(work, "proof.lua", accounts, a -> "\"ledger_getClaimProof\",\"params\":[\"" + a + "\"]");
    Path eth = script(work, "eth.lua", accounts, a -> "\"eth_getBalance\",\"params\":[\"" + a + "\",\"latest\"]");

    Path binary = AnvilBinary.require(Path.of("").toAbsolutePath());
    try (RpcServer ledger = RpcServer.start(new InetSocketAddress("127.0.0.1", 0), dispatcher);
        AnvilProcess anvil = AnvilProcess.start(AnvilConfig.defaults(binary, work.resolve("anvil")))) {
      System.out.printf("%d accounts settled; wrk -t2 -c32 -d%ds on loopback; the JVM warmed up for 2 x %d s, "
          + "Anvil measured before and after the ledger (baseline: the mean)%n", n, seconds, seconds);
      wrk(ledger.url(), balance, seconds);
      wrk(ledger.url(), proof, seconds);
      Figures before = run("eth_getBalance (Anvil)", anvil.rpcUrl(), eth, seconds, null);
      Figures b = wrk(ledger.url(), balance, seconds);
      Figures p = wrk(ledger.url(), proof, seconds);
      Figures after = run("eth_getBalance (Anvil)", anvil.rpcUrl(), eth, seconds, null);
      Figures anvilFigures = new Figures((before.requestsPerSecond() + after.requestsPerSecond()) / 2,
          (before.p99Millis() + after.p99Millis()) / 2, before.errors() + after.errors());
      print("eth_getBalance (mean)", anvilFigures, null);
      print(MethodName.LEDGER_GET_BALANCE.wire(), b, anvilFigures);
      print(MethodName.LEDGER_GET_CLAIM_PROOF.wire(), p, anvilFigures);
    }
  }

  private interface Body {
    String params(String account);
  }

  /** A wrk script that POSTs one of the prepared bodies per request, round robin. */
  private static Path script(Path dir, String name, List<String> accounts, Body body) throws IOException {
    StringBuilder lua = new StringBuilder("local bodies = {\n");
    for (int i = 0; i < accounts.size(); i++) {
      lua.append("  '{\"jsonrpc\":\"2.0\",\"id\":").append(i + 1).append(",\"method\":")
          .append(body.params(accounts.get(i))).append("}',\n");
    }
    lua.append("}\nlocal i = 0\nwrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
        .append("request = function()\n  i = i % #bodies + 1\n  return wrk.format(nil, \"/\", nil, bodies[i])\nend\n")
        .append("response = function(status, headers, body)\n  if status ~= 200 or not body:find('\"result\"') ")
        .append("then\n    io.stderr:write('bad answer: ' .. status .. ' ' .. body .. '\\n')\n  end\nend\n");
    return Files.writeString(dir.resolve(name), lua.toString(), StandardCharsets.UTF_8);
  }

  private static Figures run(String what, URI url, Path script, int seconds, Figures baseline) throws Exception {
    wrk(url, script, 3);
    Figures f = wrk(url, script, seconds);
    print(what, f, baseline);
    return f;
  }

  private static void print(String what, Figures f, Figures baseline) {
    String ratio = baseline == null ? "baseline" : String.format("%.2fx Anvil's requests/s, p99 %.2fx",
        f.requestsPerSecond() / baseline.requestsPerSecond(), f.p99Millis() / baseline.p99Millis());
    System.out.printf("%-24s %10.0f requests/s   p99 %7.2f ms   %s%s%n", what, f.requestsPerSecond(), f.p99Millis(),
        ratio, f.errors().isEmpty() ? "" : "   ERRORS: " + f.errors());
  }

  private static Figures wrk(URI url, Path script, int seconds) throws Exception {
    Process p = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", "-s", script.toString(),
        url.toString() + "/").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("wrk failed:\n" + out);
    }
    Matcher rate = RATE.matcher(out);
    Matcher p99 = P99.matcher(out);
    if (!rate.find() || !p99.find()) {
      throw new IOException("unexpected wrk output:\n" + out);
    }
    double millis = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
      case "us" -> 0.001;
      case "s" -> 1000;
      default -> 1;
    };
    StringBuilder errors = new StringBuilder();
    Matcher e = ERRORS.matcher(out);
    while (e.find()) {
      errors.append(e.group()).append("; ");
    }
    if (out.contains("bad answer")) {
      errors.append("answers that are not results; ");
    }
    return new Figures(Double.parseDouble(rate.group(1)), millis, errors.toString());
  }
}
