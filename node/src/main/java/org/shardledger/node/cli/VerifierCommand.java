package org.shardledger.node.cli;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.shardledger.node.roles.HostPort;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.metrics.VerifierMeters;
import org.shardledger.node.roles.RoleRunner;
import org.shardledger.node.verifier.VerifierRole;
import org.shardledger.node.verifier.VerifierRoleFactory;
import org.shardledger.node.verifier.VerifierRoleSettings;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.VerifierConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verifier", mixinStandardHelpOptions = true,
    description = "Runs an auditor: follows the chain, audits every active deal each epoch, signs reports for the "
        + "ledgers and settlements it can check, and answers audit_getResults and audit_getReputation.")
final class VerifierCommand implements Callable<Integer> {
  @Mixin
  ChainOptions chain;

  @Mixin
  MetricsOption metricsOption;

  @Option(names = "--ledger", description = "A ledger's JSON-RPC URL to deliver reports to; repeat for each.")
  List<URI> ledgers = List.of();

  @Option(names = "--listen", defaultValue = "127.0.0.1:" + VerifierConfig.DEFAULT_PORT,
      converter = HostPortConverter.class, description = "Where this verifier's JSON-RPC listens (default: ${DEFAULT-VALUE}).")
  HostPort listen;

  @Option(names = "--confirmations", defaultValue = "" + VerifierConfig.DEFAULT_CONFIRMATIONS,
      description = "Blocks an event must be buried under (default: ${DEFAULT-VALUE}).")
  int confirmations;

  @Override
  public Integer call() throws Exception {
    VerifierConfig config = VerifierConfig.defaults(chain.dataDir)
        .withRpc(new InetSocketAddress(listen.host(), listen.port()))
        .withConfirmations(confirmations);
    RoleMetrics metrics = metricsOption.start("verifier");
    VerifierMeters meters = new VerifierMeters(metrics);
    VerifierRole role = VerifierRoleFactory.create(new VerifierRoleSettings(config, chain.rpc,
        chain.readDeployment(), chain.readKey(), ledgers), new VerifierStatusLog(meters), metrics.rpc());
    meters.bind(role);
    role.start();
    RoleRunner.runUntilStopped("verifier", MetricsOption.both(role, metrics));
    return 0;
  }
}
