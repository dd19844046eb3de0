package org.shardledger.node.cli;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.protocol.proof.SegmentReader;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "prove", mixinStandardHelpOptions = true,
    description = "Answers a challenge for FILE: prints the storage proof (challenged segments and their RFC 9162 "
        + "audit paths) as JSON.")
final class ProveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The shard to prove.")
  Path file;

  @Mixin
  ChallengeOptions challenge;

  @Option(names = "--segment-size", defaultValue = "" + ShardCommitment.DEFAULT_SEGMENT_SIZE,
      description = "Segment size the shard was committed with (default: ${DEFAULT-VALUE}).")
  int segmentSize;

  @Override
  public Integer call() throws Exception {
    ShardCommitment.checkSegmentSize(segmentSize);
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "hash", Files.size(file));
    ShardHasher.HashedShard shard = new ShardHasher(segmentSize, Runtime.getRuntime().availableProcessors(),
        progress).tree(file);
    try (FileChannel channel = FileChannel.open(file)) {
      StorageProof proof = ProofBuilder.build(challenge.challenge(), shard.commitment(), shard.tree(),
          reader(channel, segmentSize));
      spec.commandLine().getOut().println(StorageProofJson.toJson(proof));
    }
    return 0;
  }

  /** Reads segments with positional reads. */
  static SegmentReader reader(FileChannel channel, int segmentSize) {
    return (index, length) -> {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      long position = index * segmentSize;
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new java.io.EOFException("the file ended before segment " + index);
        }
      }
      return Bytes.of(buffer.array());
    };
  }
}
