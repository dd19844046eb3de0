package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.ChainIndex;
import org.shardledger.node.owner.DealDirectory;
import org.shardledger.node.owner.FileHealth;
import org.shardledger.protocol.deal.Deal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows each shard of MANIFEST: its deals, operator, region, state on chain and cost per epoch, and "
        + "whether every part can still be read.")
final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MANIFEST", description = "The manifest written by 'shardledger put'.")
  Path manifest;

  @Mixin
  OwnerNetworkOptions network;

  @Mixin
  DealLookupOptions lookup;

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
    try (Chain chain = network.connect(owner, Optional.empty())) {
      DealDirectory index = lookup.deals(chain, spec.commandLine().getErr());
      long epoch = chain.currentEpoch();
      FileHealth health = FileHealth.of(m, index, epoch);
      out.printf("file %s, owner %s, %d part(s); epoch %d now%n", m.fileId(), m.owner(), m.parts().size(), epoch);
      for (FileHealth.PartHealth part : health.parts()) {
        for (FileHealth.ShardHealth shard : part.shards()) {
          List<String> deals = new ArrayList<>();
          for (Deal d : shard.holding()) {
            deals.add("deal " + d.id() + " on " + d.operator() + " in " + index.operator(d.operator())
                .map(ChainIndex.OperatorEntry::region).orElse("?") + " until epoch " + d.lastEpoch() + ", "
                + d.pricePerEpoch() + "/epoch");
          }
          out.printf("  part %d shard %d (%d bytes): %s%n", part.part().index(), shard.shard().index(),
              shard.shard().size(), deals.isEmpty() ? "NO ACTIVE DEAL" : String.join("; ", deals));
        }
        int held = part.held();
        int needed = part.part().dataShards();
        out.printf("  part %d: %d of %d shards held, %d needed: %s%n", part.part().index(), held,
            part.shards().size(), needed, part.readable() ? (held - needed) + " more may be lost" : "NOT READABLE");
      }
      boolean readable = health.readable();
      out.printf("cost %s credits per epoch; %s%n", health.perEpoch(), readable ? "every part is readable"
          : "some parts cannot be read");
      return readable ? 0 : 1;
    }
  }
}
