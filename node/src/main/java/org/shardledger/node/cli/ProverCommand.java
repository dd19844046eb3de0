package org.shardledger.node.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.node.prover.HostPort;
import org.shardledger.node.prover.ProverRole;
import org.shardledger.node.prover.ProverRoleFactory;
import org.shardledger.node.prover.ProverRoleSettings;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.prover.ProverConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prover", mixinStandardHelpOptions = true,
    description = "Runs an operator's node: registers the operator on chain (or updates its registration), serves "
        + "uploads, retrievals and challenges, and answers disputes by itself. Stops cleanly on SIGTERM or Ctrl-C.")
final class ProverCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data-dir", required = true, description = "Where the shards, their tree caches and the node's "
      + "chain state (transaction journal, dispute cursor) live.")
  Path dataDir;

  @Option(names = "--listen", required = true, converter = HostPortConverter.class,
      description = "HOST:PORT to serve the wire protocol on, e.g. 127.0.0.1:7340 or 0.0.0.0:7340.")
  HostPort listen;

  @Option(names = "--endpoint", converter = HostPortConverter.class, description = "HOST:PORT to register for "
      + "clients to dial (default: the --listen address; required when that is 0.0.0.0 or ::).")
  HostPort endpoint;

  @Option(names = "--deployment", required = true, description = "The deployment file ('shardledger deploy' "
      + "writes it).")
  Path deployment;

  @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint, e.g. http://127.0.0.1:8545.")
  URI rpc;

  @Option(names = "--keystore", required = true, description = "Keystore v3 file of the operator's account.")
  Path keystore;

  @Option(names = "--password-file", required = true, description = "File whose first line is the keystore's "
      + "password.")
  Path passwordFile;

  @Option(names = "--region", required = true, description = "Region code to register, e.g. eu-west.")
  String region;

  @Option(names = "--capacity", required = true, converter = CommandValues.SizeConverter.class,
      description = "Space for shards and their tree caches, registered as the offered capacity: 500g, 2t, ...")
  long capacity;

  @Option(names = "--stake", required = true, description = "Stake to register with, in credits (e.g. 100).")
  BigDecimal stake;

  @Override
  public Integer call() throws Exception {
    Deployment deployed = DeploymentFile.read(deployment);
    KeyPair key = Keystores.load(keystore, passwordFile);
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new IOException("--data-dir " + dataDir + " is not a directory");
    }
    if (stake.signum() <= 0) {
      throw new IllegalArgumentException("--stake must be positive, got " + stake);
    }
    ProverConfig config = ProverConfig.defaults(dataDir, capacity).withListen(listen.host(), listen.port());
    ProverRoleSettings settings = ProverRoleSettings.of(config, rpc, deployed, key, region,
        DeployCommand.credits(stake), Optional.ofNullable(endpoint));
    try (ProverRole role = ProverRoleFactory.create(settings)) {
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        role.close();
        stopped.countDown();
      }, "shardledger-prover-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        role.start();
        spec.commandLine().getOut().printf("operator %s serving on %s; answering disputes on chain %d. Stop with "
            + "Ctrl-C or SIGTERM.%n", key.address(), new HostPort(role.address().getHostString(),
            role.address().getPort()), deployed.chainId());
        spec.commandLine().getOut().flush();
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        removeHook(hook);
      }
    }
    return 0;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or has run
    }
  }

  /** HOST:PORT, e.g. 127.0.0.1:7340 or [::1]:7340. */
  static final class HostPortConverter implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
      return HostPort.parse(value);
    }
  }
}
