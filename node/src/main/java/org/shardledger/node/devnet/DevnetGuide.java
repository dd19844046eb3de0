package org.shardledger.node.devnet;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.protocol.crypto.Address;

/**
 * What a person needs to look around a running devnet: where each role logs, every endpoint, and commands to
 * paste ({@code curl} for the JSON-RPC and metrics, {@code cast} for the chain).
 */
final class DevnetGuide {
  private DevnetGuide() {}

  /** Each role's log file ({@code network} has every line), then Anvil's output. */
  static void logs(PrintWriter out, Map<String, Path> files, Path anvil, boolean verbose) {
    out.println("logs (" + (verbose ? "also on the console" : "the console shows warnings only; --verbose for all")
        + "):");
    files.forEach((name, path) -> out.printf("  %-11s %s%n", name, path.toAbsolutePath()));
    out.printf("  %-11s %s%n", "anvil", anvil.toAbsolutePath());
    out.flush();
  }

  static void print(PrintWriter out, Devnet net) {
    String chain = net.chain().rpcUrl().toString();
    String ledger = net.ledger().rpcUrl().toString();
    Address operator = DevnetAccounts.operator(0).address();
    out.println("endpoints:");
    out.printf("  chain      %s (chain id %d, ledger contract %s)%n", chain, net.chain().deployment().chainId(),
        net.chain().deployment().ledger());
    out.printf("  ledger     JSON-RPC %s%n", ledger);
    out.printf("  network    view (operators, verifiers, epochs, settlements) %s%n", net.networkViewUrl());
    for (int i = 0; i < net.verifiers().size(); i++) {
      out.printf("  verifier-%d JSON-RPC %s%n", i + 1, net.verifiers().get(i).rpcUrl().map(Object::toString)
          .orElse("(none)"));
    }
    for (Map.Entry<String, RoleMetrics> m : new java.util.TreeMap<>(net.metrics()).entrySet()) {
      out.printf("  metrics    %-10s %s%n", m.getKey(), m.getValue().url().map(Object::toString).orElse(""));
    }
    out.println("try:");
    out.printf("  curl -s -H 'content-type: application/json' -d '{\"jsonrpc\":\"2.0\",\"id\":1,"
        + "\"method\":\"ledger_epoch\",\"params\":[]}' %s%n", ledger);
    out.printf("  curl -s -H 'content-type: application/json' -d '{\"jsonrpc\":\"2.0\",\"id\":1,"
        + "\"method\":\"ledger_getBalance\",\"params\":[\"%s\"]}' %s%n", operator, ledger);
    net.metrics().values().stream().findFirst().flatMap(RoleMetrics::url).ifPresent(url ->
        out.printf("  curl -s %s | grep '^shardledger_'%n", url));
    java.nio.file.Path manifest = net.config().dataDir().resolve("owner").resolve("file-1.bin.manifest.json");
    if (java.nio.file.Files.isRegularFile(manifest)) {
      out.printf("  bin/shardledger status %s --rpc %s --deployment %s --ledger-rpc %s%n", manifest.toAbsolutePath(),
          chain, net.config().dataDir().resolve("deployment.json").toAbsolutePath(), ledger);
    }
    out.printf("  contracts/node_modules/.bin/cast call %s 'settledThrough()(uint64)' --rpc-url %s%n",
        net.chain().deployment().ledger(), chain);
    out.printf("  contracts/node_modules/.bin/cast call %s 'claimed(address)(uint256)' %s --rpc-url %s%n",
        net.chain().deployment().ledger(), operator, chain);
    out.flush();
  }
}
