package org.shardledger.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.DecodedFile;
import org.shardledger.client.file.FileDecoder;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.client.manifest.ManifestVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "decode", mixinStandardHelpOptions = true,
    description = "Rebuilds a file from its manifest and any k shards of each part, offline.")
final class DecodeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "MANIFEST", description = "The manifest written by 'shardledger encode'.")
  Path manifest;

  @Option(names = "--shards", required = true, paramLabel = "DIR", description = "Where the shard files are.")
  Path shards;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the file (default: its own name in "
      + "the current directory); never overwritten.")
  Path out;

  @Mixin
  OwnerOptions reader;

  @Override
  public Integer call() throws Exception {
    FileDecoder decoder = new FileDecoder(new ManifestVerifier(reader.chainId(), reader.ledger()),
        new ProgressReporter(spec.commandLine().getErr(), "decode"), DiskSpace.OF_FILE_STORE);
    DecodedFile decoded;
    try {
      decoded = decoder.decode(manifest, shards, out, Path.of(""), reader.account());
    } catch (ManifestRejectedException e) {
      spec.commandLine().getErr().println("error: manifest refused (" + e.problem() + "): " + e.getMessage());
      return ShardledgerCommand.EXIT_BAD_INPUT;
    }
    spec.commandLine().getOut().printf("decoded %s (%d bytes) to %s%nmanifest signed by its owner %s%n",
        decoded.name(), decoded.length(), decoded.file(), decoded.signer());
    return 0;
  }
}
