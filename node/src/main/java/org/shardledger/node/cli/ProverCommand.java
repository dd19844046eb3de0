package org.shardledger.node.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.node.prover.ProverRole;
import org.shardledger.node.roles.HostPort;
import org.shardledger.node.metrics.ProverMeters;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.roles.RoleRunner;
import org.shardledger.node.prover.ProverRoleFactory;
import org.shardledger.node.prover.ProverRoleSettings;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.prover.ProverConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prover", mixinStandardHelpOptions = true,
    description = "Runs an operator's node: registers the operator on chain (or updates its registration), serves "
        + "uploads, retrievals and challenges, and answers disputes by itself. Stops cleanly on SIGTERM or Ctrl-C.")
final class ProverCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ChainOptions chain;

  @Mixin
  MetricsOption metricsOption;

  @Option(names = "--listen", required = true, converter = HostPortConverter.class,
      description = "HOST:PORT to serve the wire protocol on, e.g. 127.0.0.1:7340 or 0.0.0.0:7340.")
  HostPort listen;

  @Option(names = "--endpoint", converter = HostPortConverter.class, description = "HOST:PORT to register for "
      + "clients to dial (default: the --listen address; required when that is 0.0.0.0 or ::).")
  HostPort endpoint;

  @Option(names = "--region", required = true, description = "Region code to register, e.g. eu-west.")
  String region;

  @Option(names = "--capacity", required = true, converter = CommandValues.SizeConverter.class,
      description = "Space for shards and their tree caches, registered as the offered capacity: 500g, 2t, ...")
  long capacity;

  @Option(names = "--stake", required = true, description = "Stake to register with, in credits (e.g. 100).")
  BigDecimal stake;

  @Option(names = "--ledger", description = "The ledger's JSON-RPC URL, e.g. http://127.0.0.1:8547: the dashboard "
      + "reads earnings, audits and claim proofs there (without it the dashboard shows the node's own state only).")
  java.net.URI ledger;

  @Mixin
  AcceptanceOptions acceptance;

  @Override
  public Integer call() throws Exception {
    Deployment deployed = chain.readDeployment();
    KeyPair key = chain.readKey();
    if (Files.exists(chain.dataDir) && !Files.isDirectory(chain.dataDir)) {
      throw new IOException("--data-dir " + chain.dataDir + " is not a directory");
    }
    if (stake.signum() <= 0) {
      throw new IllegalArgumentException("--stake must be positive, got " + stake);
    }
    ProverConfig config = ProverConfig.defaults(chain.dataDir, capacity).withListen(listen.host(), listen.port())
        .withPolicy(acceptance.policy(capacity)).withLimits(acceptance.limits());
    ProverRoleSettings settings = ProverRoleSettings.of(config, chain.rpc, deployed, key, region,
        DeployCommand.credits(stake), Optional.ofNullable(endpoint));
    if (ledger != null) {
      settings = settings.withLedger(ledger);
    }
    RoleMetrics metrics = metricsOption.start("prover");
    ProverMeters meters = new ProverMeters(metrics);
    ProverRole role = ProverRoleFactory.create(settings, meters);
    meters.bind(role);
    try {
      role.start();
    } catch (IOException | RuntimeException | InterruptedException e) {
      role.close();
      metrics.close();
      throw e;
    }
    spec.commandLine().getOut().printf("operator %s serving on %s; answering disputes on chain %d. Stop with "
        + "Ctrl-C or SIGTERM.%n", key.address(), new HostPort(role.address().getHostString(),
        role.address().getPort()), deployed.chainId());
    spec.commandLine().getOut().printf("dashboard (this machine only; the link holds the admin token): %s%n",
        role.dashboardUrl());
    spec.commandLine().getOut().flush();
    RoleRunner.runUntilStopped("prover", MetricsOption.both(role, metrics));
    return 0;
  }
}
