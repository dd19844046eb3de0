package org.shardledger.node.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.ChainIndex;
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

  @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint.")
  URI rpc;

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
    try (Chain chain = KeysCommand.connect(owner, rpc, Optional.empty())) {
      ChainIndex index = ChainIndex.read(chain);
      long epoch = chain.currentEpoch();
      BigInteger perEpoch = BigInteger.ZERO;
      boolean readable = true;
      out.printf("file %s, owner %s, %d part(s); epoch %d now%n", m.fileId(), m.owner(), m.parts().size(), epoch);
      for (ManifestPart part : m.parts()) {
        int healthy = 0;
        for (ManifestShard shard : part.shards()) {
          var active = index.holding(shard.root(), epoch);
          if (!active.isEmpty()) {
            healthy++;
          }
          for (Deal d : active) {
            perEpoch = perEpoch.add(d.pricePerEpoch());
          }
          String where = active.isEmpty() ? "NO ACTIVE DEAL" : active.stream().map(d -> "deal " + d.id() + " on "
              + d.operator() + " in " + index.operator(d.operator()).map(ChainIndex.OperatorEntry::region)
              .orElse("?") + " until epoch " + d.lastEpoch() + ", " + d.pricePerEpoch() + "/epoch")
              .reduce((a, b) -> a + "; " + b).orElseThrow();
          out.printf("  part %d shard %d (%d bytes): %s%n", part.index(), shard.index(), shard.size(), where);
        }
        boolean ok = healthy >= part.dataShards();
        readable &= ok;
        out.printf("  part %d: %d of %d shards held, %d needed: %s%n", part.index(), healthy, part.shards().size(),
            part.dataShards(), ok ? (healthy - part.dataShards()) + " more may be lost" : "NOT READABLE");
      }
      out.printf("cost %s credits per epoch; %s%n", perEpoch, readable ? "every part is readable"
          : "some parts cannot be read");
      return readable ? 0 : 1;
    }
  }
}
