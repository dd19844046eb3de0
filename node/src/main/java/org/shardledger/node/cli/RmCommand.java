package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.ChainIndex;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rm", mixinStandardHelpOptions = true,
    description = "Ends every active deal of MANIFEST's shards early: each is paid through the current epoch and the "
        + "rest is refunded to the owner through the payout tree (claim it once the next settlement lands).")
final class RmCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MANIFEST", description = "The manifest written by 'shardledger put'.")
  Path manifest;

  @Mixin
  OwnerNetworkOptions network;

  @Mixin
  OwnerOptions owner;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Manifest> read = ManifestArgument.read(manifest, spec.commandLine().getErr());
    if (read.isEmpty()) {
      return ShardledgerCommand.EXIT_BAD_INPUT;
    }
    Manifest m = read.get();
    KeyPair account = owner.account();
    if (!m.owner().equals(account.address())) {
      spec.commandLine().getErr().println("error: only the file's owner " + m.owner() + " can end its deals; this "
          + "account is " + account.address());
      return ShardledgerCommand.EXIT_BAD_INPUT;
    }
    try (Chain chain = network.connect(owner, Optional.of(account))) {
      ChainIndex index = ChainIndex.read(chain);
      List<Long> ended = new ArrayList<>();
      for (ManifestPart part : m.parts()) {
        for (ManifestShard shard : part.shards()) {
          for (Deal d : index.byRoot(shard.root(), DealStatus.ACTIVE)) {
            if (d.owner().equals(account.address())) {
              chain.deals().end(d.id()).mined();
              ended.add(d.id());
            }
          }
        }
      }
      out.printf("ended %d deals %s; the rest of their escrow is refunded to %s through the payout tree once the "
          + "next settlement lands%n", ended.size(), ended, account.address());
      return 0;
    }
  }
}
