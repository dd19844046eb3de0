package org.shardledger.node.cli;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.shardledger.ledger.LedgerConfig;
import org.shardledger.node.ledger.LedgerRole;
import org.shardledger.node.ledger.LedgerRoleFactory;
import org.shardledger.node.roles.HostPort;
import org.shardledger.node.metrics.LedgerMeters;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.roles.RoleRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Runs a ledger: collects the verifiers' audit reports, settles each epoch on chain exactly once "
        + "with t verifiers' signatures, records every payout and serves JSON-RPC (docs/ledger.md, docs/rpc.md). "
        + "Its account pays the gas of settlements and beacons.")
final class LedgerCommand implements Callable<Integer> {
  @Mixin
  ChainOptions chain;

  @Mixin
  MetricsOption metricsOption;

  @Option(names = "--verifier-rpc", description = "A verifier's JSON-RPC endpoint; repeat for each one.")
  List<URI> verifiers = List.of();

  @Option(names = "--listen", defaultValue = "127.0.0.1:" + LedgerConfig.DEFAULT_PORT,
      converter = HostPortConverter.class, description = "Where JSON-RPC listens (default: ${DEFAULT-VALUE}).")
  HostPort listen;

  @Option(names = "--confirmations", defaultValue = "" + LedgerConfig.DEFAULT_CONFIRMATIONS,
      description = "Blocks an event must be buried under before the ledger acts on it (default: ${DEFAULT-VALUE}).")
  int confirmations;

  @Option(names = "--report-deadline", description = "Blocks after an epoch's end to wait for missing reports "
      + "(default: one epoch).")
  Long reportDeadline;

  @Override
  public Integer call() throws Exception {
    LedgerConfig config = LedgerConfig.defaults(chain.dataDir, chain.readDeployment(), chain.rpc)
        .withVerifiers(verifiers).withListen(new InetSocketAddress(listen.host(), listen.port()))
        .withConfirmations(confirmations);
    if (reportDeadline != null) {
      config = config.withReportDeadlineBlocks(reportDeadline);
    }
    RoleMetrics metrics = metricsOption.start("ledger");
    LedgerMeters meters = new LedgerMeters(metrics);
    LedgerRole node = LedgerRoleFactory.create(config, chain.readKey(), meters, metrics.rpc());
    meters.bind(node);
    node.start();
    RoleRunner.runUntilStopped("ledger", MetricsOption.both(node, metrics));
    return 0;
  }
}
