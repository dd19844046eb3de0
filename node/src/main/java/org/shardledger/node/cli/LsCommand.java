package org.shardledger.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestCodec;
import org.shardledger.client.manifest.ManifestFile;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestProblem;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.DealDirectory;
import org.shardledger.node.owner.FileHealth;
import org.shardledger.protocol.crypto.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ls", mixinStandardHelpOptions = true,
    description = "Lists the owner's files: every manifest under DIR signed for this account, with how many shards "
        + "the chain holds, the cost per epoch and whether it can be read; and every put that was interrupted.")
final class LsCommand implements Callable<Integer> {
  /** How deep under DIR manifests are looked for. */
  static final int MAX_DEPTH = 4;
  /** Most files looked at: a directory an attacker filled does not make ls run for ever. */
  static final int MAX_FILES = 10_000;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".",
      description = "Where the manifests are (default: the current directory), searched " + MAX_DEPTH + " deep.")
  Path dir;

  @Mixin
  OwnerNetworkOptions network;

  @Mixin
  DealLookupOptions lookup;

  @Mixin
  OwnerOptions owner;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println("error: " + dir + " is not a directory");
      return ShardledgerCommand.EXIT_BAD_INPUT;
    }
    Address me = owner.account().address();
    List<Path> candidates = candidates();
    List<Path> journals = candidates.stream().filter(p -> p.getFileName().toString().endsWith(".put-journal"))
        .toList();
    int others = 0;
    List<Path> mine = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    for (Path p : candidates) {
      if (!p.getFileName().toString().endsWith(".json")) {
        continue;
      }
      Optional<Manifest> m = manifest(p, err);
      if (m.isPresent() && m.get().owner().equals(me)) {
        mine.add(p);
        manifests.add(m.get());
      } else if (m.isPresent()) {
        others++;
      }
    }
    boolean allReadable = true;
    try (Chain chain = network.connect(owner, Optional.empty())) {
      DealDirectory index = lookup.deals(chain, err);
      long epoch = chain.currentEpoch();
      out.printf("files of %s under %s, epoch %d now%n", me, dir, epoch);
      for (int i = 0; i < mine.size(); i++) {
        allReadable &= describe(out, dir.relativize(mine.get(i)), manifests.get(i), index, epoch);
      }
    }
    for (Path j : journals) {
      String manifestName = j.getFileName().toString().replaceFirst("\\.put-journal$", "");
      out.printf("%s: an interrupted put; run 'shardledger put FILE --out %s' again to finish cleaning it up%n",
          dir.relativize(j), dir.relativize(j.resolveSibling(manifestName)));
    }
    out.printf("%d file(s), %d interrupted put(s)%s%n", mine.size(), journals.size(),
        others == 0 ? "" : "; " + others + " manifest(s) of other owners not listed");
    return allReadable ? 0 : 1;
  }

  private List<Path> candidates() throws IOException {
    try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
      return walk.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".json") || n.endsWith(".put-journal");
      }).limit(MAX_FILES).sorted().toList();
    }
  }

  /** The manifest in {@code file}; empty for JSON that is not one, with a line for one that claims to be but fails. */
  private static Optional<Manifest> manifest(Path file, PrintWriter err) {
    try {
      return Optional.of(ManifestCodec.parse(ManifestFile.read(file)));
    } catch (ManifestRejectedException e) {
      if (e.problem() != ManifestProblem.WRONG_VERSION) {
        err.println("warning: " + file + " refused (" + e.problem() + "): " + e.getMessage());
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** One line for the file; whether every part can be read. */
  private static boolean describe(PrintWriter out, Path name, Manifest m, DealDirectory index, long epoch)
      throws IOException {
    FileHealth health = FileHealth.of(m, index, epoch);
    ManifestPart first = m.parts().getFirst();
    out.printf("%s  file %s  %d part(s) %d+%d, %d bytes stored  %d/%d shards held  %s/epoch  %s  %s%n", name,
        m.fileId().toHex().substring(0, 14), m.parts().size(), first.dataShards(), first.parityShards(),
        health.bytes(), health.held(), health.shards(), health.perEpoch(),
        health.until() < 0 ? "no active deal" : "until epoch " + health.until(),
        health.readable() ? "readable" : "NOT READABLE");
    return health.readable();
  }
}
