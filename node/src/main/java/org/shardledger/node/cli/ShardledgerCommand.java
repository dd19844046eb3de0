package org.shardledger.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shardledger} command: one subcommand per job. */
@Command(
    name = "shardledger",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Proof-of-storage ledger node: commit shards, prove and verify storage, run the network roles.")
public final class ShardledgerCommand implements Runnable {
  /** Every subcommand, in the order help lists them. */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(CommitCommand.class, ProveCommand.class,
      VerifyProofCommand.class, DemoCommand.class, DeployCommand.class, DevnetCommand.class, VerifierCommand.class,
      ProverCommand.class, LedgerCommand.class, EncodeCommand.class, DecodeCommand.class, KeysCommand.class, PutCommand.class,
      GetCommand.class, StatusCommand.class, RmCommand.class, LsCommand.class, AotTrainingCommand.class);

  /** Exit code for input that cannot be read or used (missing file, garbled JSON, bad option values). */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The command with every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command for these arguments: when they name a subcommand, only that one is built (picocli reads every
   * subcommand's annotations and loads the types they mention; for a short job like {@code commit} on a large
   * file that start-up is worth sparing), otherwise all of them, for help.
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new ShardledgerCommand());
    Class<?> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (only != null) {
      cli.addSubcommand(args[0], only);
    } else {
      SUBCOMMANDS.forEach(cli::addSubcommand);
      cli.addSubcommand("help", CommandLine.HelpCommand.class);
    }
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
    System.exit(commandLine(args).execute(args));
  }

  private static Map<String, Class<?>> subcommands(Class<?>... classes) {
    Map<String, Class<?>> out = new LinkedHashMap<>();
    for (Class<?> c : classes) {
      out.put(c.getAnnotation(Command.class).name(), c);
    }
    return out;
  }
}
