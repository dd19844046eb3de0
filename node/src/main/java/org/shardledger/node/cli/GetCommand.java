package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shardledger.client.file.DecodedFile;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestCheck;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.client.retrieval.PartUnavailableException;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.ChainShardLocator;
import org.shardledger.node.owner.DealDirectory;
import org.shardledger.node.owner.FileFetch;
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

  @Mixin
  OwnerNetworkOptions network;

  @Mixin
  DealLookupOptions lookup;

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
    try (Chain chain = network.connect(reader, Optional.empty());
        WireClient wire = new WireClient(ClientSettings.defaults(m.domain()), account)) {
      PutCommand.StageReporter stages = new PutCommand.StageReporter(err);
      stages.stage("locate", 0, 1, lookup.ledgerRpc != null ? "asking the ledger at " + lookup.ledgerRpc
          : "reading the chain's deals");
      DealDirectory deals = lookup.deals(chain, err);
      ProgressBar bar = new ProgressBar(err, "fetch", FileFetch.total(m));
      DecodedFile decoded = new FileFetch(wire, account, new ChainShardLocator(deals), stages).get(m, manifest, out,
          Path.of(""), (done, total) -> bar.accept(done), new ProgressReporter(err, "decode"));
      spec.commandLine().getOut().printf("got %s (%d bytes) to %s%nmanifest signed by its owner %s%n",
          decoded.name(), decoded.length(), decoded.file(), decoded.signer());
      return 0;
    } catch (PartUnavailableException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (ManifestRejectedException e) {
      err.println("error: manifest refused (" + e.problem() + "): " + e.getMessage());
      return ShardledgerCommand.EXIT_BAD_INPUT;
    }
  }
}
