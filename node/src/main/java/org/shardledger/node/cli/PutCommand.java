package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.shardledger.client.file.EncodeOptions;
import org.shardledger.client.put.PutFailedException;
import org.shardledger.client.put.PutOptions;
import org.shardledger.client.put.PutPlan;
import org.shardledger.client.put.PutRefusedException;
import org.shardledger.client.put.PutResult;
import org.shardledger.client.put.Putter;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.ChainOwner;
import org.shardledger.node.owner.FilePut;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "put", mixinStandardHelpOptions = true,
    description = "Encrypts and erasure-codes FILE, places its shards with operators in the allowed regions whose "
        + "signed terms admit the deals, proposes, uploads and activates them, and writes the signed manifest. "
        + "Run again with the same --out after an interruption: it cleans up what the earlier run left.")
final class PutCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to store.")
  Path file;

  @Option(names = "--out", paramLabel = "MANIFEST", description = "Where the manifest goes (default: "
      + "FILE's name + .manifest.json in the current directory).")
  Path out;

  @Option(names = "--data", defaultValue = "" + EncodeOptions.DEFAULT_DATA,
      description = "Data shards per part, k (default: ${DEFAULT-VALUE}).")
  int data;

  @Option(names = "--parity", defaultValue = "" + EncodeOptions.DEFAULT_PARITY,
      description = "Parity shards per part, m (default: ${DEFAULT-VALUE}).")
  int parity;

  @Option(names = "--part-size", defaultValue = "1g", converter = CommandValues.SizeConverter.class,
      description = "Largest part, 1m to 64g (default: ${DEFAULT-VALUE}).")
  long partSize;

  @Option(names = "--regions", split = ",", paramLabel = "REGION",
      description = "The regions shards may go to, comma-separated (default: any).")
  List<String> regions;

  @Option(names = "--epochs", defaultValue = "" + PutOptions.DEFAULT_EPOCHS,
      description = "How many epochs the deals run "
      + "(default: ${DEFAULT-VALUE}).")
  long epochs;

  @Option(names = "--max-price", defaultValue = "" + PutOptions.DEFAULT_MAX_PRICE, paramLabel = "CREDITS",
      description = "The most to pay per GiB-epoch of a shard, in credits, as the operators' --min-price is "
          + "(default: ${DEFAULT-VALUE}).")
  BigDecimal maxPrice;

  @Option(names = "--extra-uploads", defaultValue = "" + PutOptions.DEFAULT_EXTRA_UPLOADS,
      description = "Uploads per part that race the slowest shards; the slower of each pair is "
      + "cancelled (default: ${DEFAULT-VALUE}).")
  int extraUploads;

  @Option(names = "--dry-run", description = "Print the placement and its cost, and stop (no transaction).")
  boolean dryRun;

  @Mixin
  OwnerNetworkOptions network;

  @Option(names = "--block-time", defaultValue = "PT2S", description = "Seconds between the chain's blocks, as an "
      + "ISO-8601 duration, to choose when the deals start (default: ${DEFAULT-VALUE}).")
  Duration blockTime;

  @Mixin
  OwnerOptions owner;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Path manifestOut = out != null ? out : Path.of(file.getFileName() + ".manifest.json");
    KeyPair account = owner.account();
    Path spool = manifestOut.toAbsolutePath().resolveSibling(manifestOut.getFileName() + ".spool");
    try (Chain chain = network.connect(owner, Optional.of(account));
        WireClient wire = new WireClient(ClientSettings.defaults(Eip712Domain.shardledger(chain.deployment()
            .chainId(), chain.deployment().ledger())), account)) {
      ChainOwner owners = new ChainOwner(chain, blockTime);
      Optional<String> recovered = Putter.recover(owners, manifestOut);
      recovered.ifPresent(r -> err.println("an earlier put to " + manifestOut + " was interrupted: " + r));
      int stale = removeStaleSpool(spool);
      if (stale > 0) {
        err.println("removed " + stale + " shard files an earlier put left in " + spool + " before it proposed");
      }
      if (Files.exists(manifestOut)) {
        err.println("error: " + manifestOut + " exists; give another --out");
        return ShardledgerCommand.EXIT_BAD_INPUT;
      }
      long size = Files.isRegularFile(file) ? Files.size(file) : 0;
      StageReporter stages = new StageReporter(err);
      stages.stage("encode", 0, 1, "encrypting and coding " + size + " bytes into " + spool);
      ProgressBar bar = new ProgressBar(err, "encode", size);
      Putter putter = new Putter(owners, wire, account, stages);
      try (FilePut put = FilePut.encode(putter, chain, account, file, spool, new EncodeOptions(data, parity,
          partSize), (done, total) -> bar.accept(done))) {
        stages.stage("encode", 1, 1, put.encoded().shardFiles().size() + " shard files");
        PutOptions options = PutOptions.defaults().withRegions(regions == null ? Set.of() : Set.copyOf(regions))
            .withEpochs(epochs).withMaxPrice(maxPriceBaseUnits()).withExtraUploads(extraUploads);
        PutPlan plan = put.plan(options);
        if (dryRun) {
          stdout.print(plan.describe());
          return 0;
        }
        PutResult result = put.store(plan, manifestOut);
        stdout.printf("stored %s (%d bytes) in %d deals %s, %s credits per epoch for %d epochs (%d transactions)%n"
            + "manifest %s%n", file.getFileName(), size, result.deals().size(), result.deals(),
            result.costPerEpoch(), plan.epochs(), owners.transactionsSent(), manifestOut);
        plan.warnings().forEach(w -> err.println("warning: " + w));
        return 0;
      } catch (PutRefusedException e) {
        err.println("error: " + e.getMessage());
        return ShardledgerCommand.EXIT_BAD_INPUT;
      } catch (PutFailedException e) {
        err.println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code --max-price} in credit base units. */
  private BigInteger maxPriceBaseUnits() {
    if (maxPrice.signum() < 0) {
      throw new IllegalArgumentException("--max-price must not be negative, got " + maxPrice);
    }
    return DeployCommand.credits(maxPrice);
  }

  /** Shard files in a spool no journal speaks for: a put killed while it encoded, before its first transaction. */
  private static int removeStaleSpool(Path spool) throws java.io.IOException {
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    int removed = 0;
    try (var files = Files.list(spool)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.matches("[0-9a-f]{64}\\.p[0-9]+\\.s[0-9]+") || name.endsWith(".manifest.json")) {
          Files.delete(f);
          removed++;
        }
      }
    }
    return removed;
  }

  /** A line per step on stderr: seconds since the put began, the stage, its count, what happened. */
  static final class StageReporter implements org.shardledger.client.put.PutProgress {
    private final PrintWriter err;
    private final long start = System.nanoTime();

    StageReporter(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void stage(String name, long done, long total, String detail) {
      err.printf("[%7.2fs] %-8s %3d/%-3d %s%n", (System.nanoTime() - start) / 1e9, name, done, total, detail);
      err.flush();
    }
  }
}
