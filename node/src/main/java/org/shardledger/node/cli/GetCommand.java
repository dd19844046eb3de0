package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.DecodedFile;
import org.shardledger.client.file.FileDecoder;
import org.shardledger.client.layout.RootCheck;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestCheck;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.client.retrieval.PartUnavailableException;
import org.shardledger.client.retrieval.ShardFetcher;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.ChainIndex;
import org.shardledger.node.owner.ChainShardLocator;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "get", mixinStandardHelpOptions = true,
    description = "Checks MANIFEST's signature, finds each shard's active deals by root, fetches k shards of every "
        + "part in parallel (each chunk checked against its root as it arrives; a lying operator is dropped at "
        + "once), decodes, decrypts and writes the file atomically.")
final class GetCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MANIFEST", description = "The manifest written by 'shardledger put'.")
  Path manifest;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the file (default: its own name in "
      + "the current directory); never overwritten.")
  Path out;

  @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint.")
  URI rpc;

  @Mixin
  OwnerOptions reader;

  /**
   * What a non-owner given the manifest can have: the check of its signature (who signed it, for which network) and
   * whether it holds an envelope for this account; not the shards, which operators serve only with retrieval tickets
   * the owner signs for the requester.
   */
  private int refuseNonOwner(Manifest m, KeyPair account, PrintWriter err) throws java.io.IOException {
    ManifestCheck check = new ManifestVerifier(reader.chainId(), reader.ledger()).verify(m);
    if (check instanceof ManifestCheck.Rejected r) {
      err.println("error: manifest refused (" + r.problem() + "): " + r.reason());
      return ShardledgerCommand.EXIT_BAD_INPUT;
    }
    err.println("manifest signed by its owner " + m.owner() + "; it holds "
        + (m.envelopeFor(account.address()).isPresent() ? "an envelope" : "no envelope") + " for " + account.address());
    err.println("error: not the owner's account: operators serve shards only with retrieval tickets signed by the "
        + "file's owner " + m.owner() + " for the requester; this command signs tickets for the owner only (give the "
        + "owner's --keystore). 'shardledger status' works for anyone.");
    return ShardledgerCommand.EXIT_BAD_INPUT;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    KeyPair account = reader.account();
    Optional<Manifest> read = ManifestArgument.read(manifest, err);
    if (read.isEmpty()) {
      return ShardledgerCommand.EXIT_BAD_INPUT;
    }
    Manifest m = read.get();
    if (!m.owner().equals(account.address())) {
      return refuseNonOwner(m, account, err);
    }
    Path shards = Files.createTempDirectory(Path.of("").toAbsolutePath(), ".get-" + m.fileId().toHex().substring(2,
        10) + "-");
    try (Chain chain = KeysCommand.connect(reader, rpc, Optional.empty());
        WireClient wire = new WireClient(ClientSettings.defaults(m.domain()), account)) {
      PutCommand.StageReporter stages = new PutCommand.StageReporter(err);
      stages.stage("locate", 0, 1, "reading the chain's deals");
      ChainIndex index = ChainIndex.read(chain);
      stages.stage("fetch", 0, m.parts().size(), "fetching k shards of each part");
      ShardFetcher fetcher = new ShardFetcher(wire, t -> m.domain().sign(t, account), new ChainShardLocator(index),
          Duration.ofHours(1));
      long total = m.parts().stream().mapToLong(p -> (long) p.dataShards() * p.shards().getFirst().size()).sum();
      ProgressBar bar = new ProgressBar(err, "fetch", total);
      long[] before = {0};
      for (ManifestPart part : m.parts()) {
        try {
          fetcher.fetchPart(m.fileId(), part, shards, (done, partTotal) -> bar.accept(before[0] + done));
        } catch (PartUnavailableException e) {
          err.println("error: " + e.getMessage());
          return 1;
        }
        before[0] += (long) part.dataShards() * part.shards().getFirst().size();
        stages.stage("fetch", part.index() + 1, m.parts().size(), "part " + part.index() + " fetched");
      }
      stages.stage("decode", 0, 1, "decoding and decrypting");
      FileDecoder decoder = new FileDecoder(new ManifestVerifier(m.chainId(), m.ledger()),
          new ProgressReporter(err, "decode"), DiskSpace.OF_FILE_STORE, RootCheck.CHECKED_ON_ARRIVAL);
      DecodedFile decoded = decoder.decode(manifest, shards, out, Path.of(""), account);
      stages.stage("decode", 1, 1, "written to " + decoded.file());
      spec.commandLine().getOut().printf("got %s (%d bytes) to %s%nmanifest signed by its owner %s%n",
          decoded.name(), decoded.length(), decoded.file(), decoded.signer());
      return 0;
    } catch (ManifestRejectedException e) {
      err.println("error: manifest refused (" + e.problem() + "): " + e.getMessage());
      return ShardledgerCommand.EXIT_BAD_INPUT;
    } finally {
      try (Stream<Path> files = Files.walk(shards)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
