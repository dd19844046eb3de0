package org.shardledger.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.EncodeOptions;
import org.shardledger.client.file.EncodedFile;
import org.shardledger.client.file.FileEncoder;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestPart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "encode", mixinStandardHelpOptions = true,
    description = "Encrypts FILE and erasure-codes it into shard files and a signed manifest in DIR, offline.")
final class EncodeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to encode.")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the shards and the manifest go.")
  Path out;

  @Option(names = "--data", defaultValue = "" + EncodeOptions.DEFAULT_DATA,
      description = "Data shards per part, k (default: ${DEFAULT-VALUE}; parts under 1 MiB use 1).")
  int data;

  @Option(names = "--parity", defaultValue = "" + EncodeOptions.DEFAULT_PARITY,
      description = "Parity shards per part, m: any m of the k + m may be lost (default: ${DEFAULT-VALUE}).")
  int parity;

  @Option(names = "--part-size", defaultValue = "1g", converter = CommandValues.SizeConverter.class,
      description = "Largest part, 1m to 64g (default: ${DEFAULT-VALUE}).")
  long partSize;

  @Mixin
  OwnerOptions owner;

  @Override
  public Integer call() throws Exception {
    EncodeOptions options = new EncodeOptions(data, parity, partSize);
    long size = Files.isRegularFile(file) ? Files.size(file) : 0;
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "encode", size);
    FileEncoder encoder = new FileEncoder(options, new SecureRandom(), (done, total) -> bar.accept(done),
        DiskSpace.OF_FILE_STORE);
    EncodedFile encoded = encoder.encode(file, out, owner.account(), owner.chainId(), owner.ledger());
    Manifest m = encoded.manifest();
    ManifestPart first = m.parts().get(0);
    spec.commandLine().getOut().printf("encoded %s (%d bytes) into %d part%s of %d + %d shards in %s%n"
        + "file id %s, owner %s%nmanifest %s%n", file.getFileName(), size, m.parts().size(),
        m.parts().size() == 1 ? "" : "s", first.dataShards(), first.parityShards(), out, m.fileId(), m.owner(),
        encoded.manifestFile());
    return 0;
  }
}
