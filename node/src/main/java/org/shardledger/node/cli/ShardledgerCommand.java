package org.shardledger.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shardledger} command: one subcommand per job. */
@Command(
    name = "shardledger",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Proof-of-storage ledger node: commit shards, prove and verify storage, run the network roles.",
    subcommands = {
        CommitCommand.class,
        ProveCommand.class,
        VerifyProofCommand.class,
        DemoCommand.class,
        DeployCommand.class,
        DevnetCommand.class,
        VerifierCommand.class,
        ProverCommand.class,
        LedgerCommand.class,
        CommandLine.HelpCommand.class
    })
public final class ShardledgerCommand implements Runnable {
  /** Exit code for input that cannot be read or used (missing file, garbled JSON, bad option values). */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ShardledgerCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
        commandLine.getErr().println("error: " + cause.getMessage());
        return EXIT_BAD_INPUT;
      }
      throw e;
    });
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
