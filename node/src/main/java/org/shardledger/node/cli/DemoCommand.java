package org.shardledger.node.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.Callable;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Walks through commit -> challenge -> prove -> verify on a generated file, then shows that a "
        + "shard with one corrupted segment fails.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--size", defaultValue = "256m", converter = CommandValues.SizeConverter.class,
      description = "Size of the generated shard (default: ${DEFAULT-VALUE}).")
  long size;

  @Option(names = "--samples", defaultValue = "32", description = "Segments per challenge (default: ${DEFAULT-VALUE}).")
  int samples;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("shardledger-demo");
    Path shard = dir.resolve("shard.bin");
    try {
      out.printf("1. generating a %s shard of random bytes in %s%n", ByteSizes.format(size), shard);
      out.flush();
      write(shard, size);

      long t0 = System.nanoTime();
      ShardHasher hasher = new ShardHasher(4096, Runtime.getRuntime().availableProcessors(),
          new ProgressBar(spec.commandLine().getErr(), "commit", size));
      ShardHasher.HashedShard hashed = hasher.tree(shard);
      out.printf("2. committed in %.0f ms: %s%n", (System.nanoTime() - t0) / 1e6,
          CommitCommand.toJson(hashed.commitment()));
      out.flush();

      byte[] beaconBytes = new byte[32];
      new SecureRandom().nextBytes(beaconBytes);
      Challenge challenge = Challenge.audit(Bytes32.of(beaconBytes), 31337, 1, 1, samples);
      long[] indices = challenge.indices(hashed.commitment().segmentCount());
      out.printf("3. epoch 1, beacon %s: the challenge draws %d segments, e.g. %d, %d, %d%n", challenge.beacon(),
          indices.length, indices[0], indices[1 % indices.length], indices[2 % indices.length]);
      out.flush();

      StorageProof proof = prove(shard, hashed, challenge);
      out.printf("4. the operator proves it: %d samples, %s encoded%n", proof.samples().size(),
          ByteSizes.format(StorageProofCodec.encodedLength(proof)));
      out.flush();

      t0 = System.nanoTime();
      ProofVerdict verdict = ProofVerifier.verify(hashed.commitment(), challenge, proof);
      out.printf("5. a verifier checks it in %.2f ms: %s%n", (System.nanoTime() - t0) / 1e6, verdict);
      out.flush();

      corrupt(shard, indices[0] * 4096);
      out.printf("6. one byte of segment %d rots on disk; the operator answers from what it has left%n",
          indices[0]);
      out.flush();
      ProofVerdict after = ProofVerifier.verify(hashed.commitment(), challenge, prove(shard, hashed, challenge));
      out.printf("7. the verifier says: %s%n", after);
      out.flush();
      return verdict.isValid() && !after.isValid() ? 0 : 1;
    } finally {
      Files.deleteIfExists(shard);
      Files.deleteIfExists(dir);
    }
  }

  private static StorageProof prove(Path shard, ShardHasher.HashedShard hashed, Challenge challenge)
      throws IOException {
    try (FileChannel channel = FileChannel.open(shard)) {
      return ProofBuilder.build(challenge, hashed.commitment(), hashed.tree(), ProveCommand.reader(channel, 4096));
    }
  }

  private static void write(Path file, long size) throws IOException {
    Random random = new Random();
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
  }

  private static void corrupt(Path file, long position) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, position);
      one.flip();
      one.put(0, (byte) (one.get(0) ^ 0x40));
      channel.write(one, position);
    }
  }
}
