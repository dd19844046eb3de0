package org.shardledger.node.cli;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.metrics.VerifierMeters;
import org.shardledger.node.roles.HostPort;
import org.shardledger.node.roles.RoleRunner;
import org.shardledger.node.verifier.VerifierRole;
import org.shardledger.node.verifier.VerifierRoleFactory;
import org.shardledger.node.verifier.VerifierRoleSettings;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.verifier.VerifierConfig;
import org.shardledger.verifier.VerifierStatusLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verifier", mixinStandardHelpOptions = true,
    description = "Runs an auditor: follows the chain, audits every active deal each epoch, signs reports for the "
        + "ledgers and settlements it can check, and answers verifier_getAuditResults and verifier_getReputation.")
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

  @Option(names = "--dial", paramLabel = "ADDRESS=HOST:PORT", description = "Reach the operator ADDRESS at "
      + "HOST:PORT instead of the endpoint it registered (e.g. through a proxy); its handshake signature is still "
      + "checked. Repeat for each operator.")
  Map<String, String> dial = Map.of();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<Address, HostPort> dialed = dialOverrides();
    VerifierConfig config = VerifierConfig.defaults(chain.dataDir)
        .withRpc(new InetSocketAddress(listen.host(), listen.port()))
        .withConfirmations(confirmations);
    RoleMetrics metrics = metricsOption.start("verifier");
    VerifierMeters meters = new VerifierMeters(metrics);
    VerifierRole role = VerifierRoleFactory.create(new VerifierRoleSettings(config, chain.rpc,
        chain.readDeployment(), chain.readKey(), ledgers, dialed), new VerifierStatusLog(meters), metrics.rpc());
    meters.bind(role);
    role.start();
    RoleRunner.runUntilStopped("verifier", MetricsOption.both(role, metrics));
    return 0;
  }

  private Map<Address, HostPort> dialOverrides() {
    Map<Address, HostPort> out = new HashMap<>();
    for (Map.Entry<String, String> e : dial.entrySet()) {
      try {
        out.put(Address.fromHex(e.getKey()), HostPort.parse(e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new ParameterException(spec.commandLine(), "--dial " + e.getKey() + "=" + e.getValue()
            + ": need ADDRESS=HOST:PORT with a 0x address (" + bad.getMessage() + ")");
      }
    }
    return out;
  }
}
