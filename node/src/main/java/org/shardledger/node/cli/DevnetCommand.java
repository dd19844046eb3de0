package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.node.devnet.DevnetConfig;
import org.shardledger.node.devnet.DevnetRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "devnet", mixinStandardHelpOptions = true,
    description = "Runs the whole network on this machine: Anvil with the contracts, operators' nodes, verifiers, a "
        + "ledger and an owner who stores files with put and gets each back with get. Prints a block per epoch "
        + "(audits, settlements, who earned and claimed what); every role logs to its own file in DATA/logs. Ctrl-C "
        + "stops everything. Each run starts fresh in --data-dir.")
final class DevnetCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data-dir", defaultValue = DevnetConfig.DEFAULT_DATA_DIR,
      description = "Where every role keeps its data; "
      + "emptied at start (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--operators", defaultValue = "" + DevnetConfig.DEFAULT_OPERATORS,
      description = "Operators' nodes, 1-12, in 3 regions round "
      + "robin (default: ${DEFAULT-VALUE}).")
  int operators;

  @Option(names = "--verifiers", defaultValue = "" + DevnetConfig.DEFAULT_VERIFIERS,
      description = "Verifiers, 1-3 (default: ${DEFAULT-VALUE}).")
  int verifiers;

  @Option(names = "--threshold", defaultValue = "" + DevnetConfig.DEFAULT_THRESHOLD,
      description = "Settlement signatures required (default: "
      + "${DEFAULT-VALUE}).")
  int threshold;

  @Option(names = "--block-time", defaultValue = "" + DevnetConfig.DEFAULT_BLOCK_SECONDS,
      description = "Seconds between blocks (default: "
      + "${DEFAULT-VALUE}).")
  double blockTime;

  @Option(names = "--epoch-length", defaultValue = "" + DevnetConfig.DEFAULT_EPOCH_LENGTH,
      description = "Blocks per epoch (default: ${DEFAULT-VALUE}).")
  long epochLength;

  @Option(names = "--files", defaultValue = "" + DevnetConfig.DEFAULT_FILES, description = "Files of 1-3 MiB the owner puts, a shard on every "
      + "operator, and gets back (default: ${DEFAULT-VALUE}).")
  int files;

  @Option(names = "--deal-epochs", defaultValue = "" + DevnetConfig.DEFAULT_DEAL_EPOCHS,
      description = "How many epochs each deal lasts (default: "
      + "${DEFAULT-VALUE}).")
  long dealEpochs;

  @Option(names = "--epochs", defaultValue = "0", description = "Stop once this many epochs are settled and print a "
      + "summary (default: run until stopped).")
  long epochs;

  @Option(names = "--verbose", description = "Every role's log on the console too (it is always in DATA/logs).")
  boolean verbose;

  @Option(names = "--anvil", description = "The anvil binary (default: the one npm installed under contracts/).")
  Path anvil;

  @Override
  public Integer call() throws Exception {
    Path binary = anvil != null ? anvil : AnvilBinary.require(codeLocation());
    DevnetConfig config = new DevnetConfig(dataDir, binary, operators, verifiers, threshold, blockTime, epochLength,
        files, dealEpochs, epochs);
    PrintWriter out = spec.commandLine().getOut();
    return DevnetRunner.run(config, out, verbose) ? 0 : 1;
  }

  private static Path codeLocation() throws java.net.URISyntaxException {
    Path jar = Path.of(DevnetCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar.getParent() != null ? jar.getParent() : jar;
  }
}
