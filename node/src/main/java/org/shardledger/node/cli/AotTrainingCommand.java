package org.shardledger.node.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.EncodeOptions;
import org.shardledger.client.file.EncodedFile;
import org.shardledger.client.file.FileDecoder;
import org.shardledger.client.file.FileEncoder;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The workload {@code bin/shardledger} records JDK 25's AOT cache from (JEP 483/515: the classes loaded and linked,
 * and the method profiles, so the owner's commands start with them and C2 compiles the hot loops early): encode and
 * decode of a generated file in a scratch directory (one shard lost, so decode rebuilds it), removed afterwards, and
 * the wire client's start and stop. Fails when the file does not come back. Hidden: nobody runs it by hand.
 */
@Command(name = "aot-training", hidden = true,
    description = "Encodes and decodes a generated file in DIR (removed afterwards), as the AOT cache's training run.")
final class AotTrainingCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A scratch directory (created, then removed).")
  Path dir;

  @Option(names = "--size", defaultValue = "64m", converter = CommandValues.SizeConverter.class,
      description = "The generated file's size (default: ${DEFAULT-VALUE}).")
  long size;

  @Override
  public Integer call() throws Exception {
    KeyPair owner = DevAccounts.key(OwnerOptions.DEVNET_OWNER);
    Files.createDirectories(dir);
    try {
      Path input = dir.resolve("training.bin");
      write(input, size);
      EncodedFile encoded = new FileEncoder(new EncodeOptions(2, 2, EncodeOptions.DEFAULT_PART_SIZE),
          new SecureRandom(), (done, total) -> { }, DiskSpace.OF_FILE_STORE)
          .encode(input, dir.resolve("shards"), owner, OwnerOptions.DEVNET_CHAIN_ID, OwnerOptions.DEVNET_LEDGER);
      Files.delete(encoded.shardFiles().getFirst());
      new FileDecoder(new ManifestVerifier(OwnerOptions.DEVNET_CHAIN_ID, OwnerOptions.DEVNET_LEDGER),
          (done, total) -> { }, DiskSpace.OF_FILE_STORE)
          .decode(encoded.manifestFile(), dir.resolve("shards"), dir.resolve("decoded.bin"), dir, owner);
      if (Files.mismatch(input, dir.resolve("decoded.bin")) != -1) {
        // a training run that went wrong records no cache (bin/shardledger keeps it only after exit 0)
        throw new IOException("the training file came back different");
      }
      try (WireClient wire = new WireClient(ClientSettings.defaults(Eip712Domain.shardledger(
          OwnerOptions.DEVNET_CHAIN_ID, OwnerOptions.DEVNET_LEDGER)), owner)) {
        wire.requester();
      }
      return 0;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void write(Path file, long size) throws IOException {
    SplittableRandom random = new SplittableRandom(size);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
  }
}
