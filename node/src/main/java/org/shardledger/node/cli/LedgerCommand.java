package org.shardledger.node.cli;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.ledger.LedgerConfig;
import org.shardledger.ledger.LedgerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Runs a ledger: collects the verifiers' audit reports, settles each epoch on chain exactly once "
        + "with t verifiers' signatures, records every payout and serves JSON-RPC (docs/ledger.md, docs/rpc.md).")
final class LedgerCommand implements Callable<Integer> {
  @Option(names = "--data-dir", required = true, description = "Where the ledger keeps its database and journal.")
  Path dataDir;

  @Option(names = "--deployment", required = true, description = "The deployment file (from 'shardledger deploy').")
  Path deployment;

  @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint.")
  URI rpc;

  @Option(names = "--keystore", required = true, description = "Keystore v3 file of the account that sends "
      + "settlements and beacons (it pays their gas).")
  Path keystore;

  @Option(names = "--password-file", required = true, description = "File whose first line is the password.")
  Path passwordFile;

  @Option(names = "--verifier-rpc", description = "A verifier's JSON-RPC endpoint; repeat for each one.")
  List<URI> verifiers = List.of();

  @Option(names = "--listen", defaultValue = "127.0.0.1:" + LedgerConfig.DEFAULT_PORT,
      converter = HostPort.class, description = "Where JSON-RPC listens (default: ${DEFAULT-VALUE}).")
  InetSocketAddress listen;

  @Option(names = "--confirmations", defaultValue = "" + LedgerConfig.DEFAULT_CONFIRMATIONS,
      description = "Blocks an event must be buried under before the ledger acts on it (default: ${DEFAULT-VALUE}).")
  int confirmations;

  @Option(names = "--report-deadline", description = "Blocks after an epoch's end to wait for missing reports "
      + "(default: one epoch).")
  Long reportDeadline;

  @Override
  public Integer call() throws Exception {
    LedgerConfig config = LedgerConfig.defaults(dataDir, DeploymentFile.read(deployment), rpc).withVerifiers(verifiers)
        .withListen(listen).withConfirmations(confirmations);
    if (reportDeadline != null) {
      config = config.withReportDeadlineBlocks(reportDeadline);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    LedgerNode node = LedgerNode.start(config, Keystores.load(keystore, passwordFile));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "ledger-shutdown"));
    stopped.await();
    return 0;
  }

  /** HOST:PORT. */
  static final class HostPort implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      int colon = value.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("expected HOST:PORT, got " + value);
      }
      return new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
    }
  }
}
