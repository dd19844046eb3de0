package org.shardledger.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.ShardHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "commit", mixinStandardHelpOptions = true,
    description = "Prints the shard commitment of FILE: its RFC 9162 root over fixed-size segments, as JSON.")
final class CommitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The shard to commit.")
  Path file;

  @Option(names = "--segment-size", defaultValue = "" + ShardCommitment.DEFAULT_SEGMENT_SIZE,
      description = "Segment size in bytes, a power of two from 256 to 1048576 (default: ${DEFAULT-VALUE}).")
  int segmentSize;

  @Option(names = "--threads", description = "Hashing threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    ShardCommitment.checkSegmentSize(segmentSize);
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "commit", Files.size(file));
    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ShardCommitment c = new ShardHasher(segmentSize, cores, progress).commit(file);
    spec.commandLine().getOut().println(toJson(c));
    return 0;
  }

  /** Written by hand: four fields are not worth the start-up of a JSON library on a command this short. */
  static String toJson(ShardCommitment c) {
    return "{\"root\":\"" + c.root().toHex() + "\",\"size\":" + c.size() + ",\"segmentSize\":" + c.segmentSize()
        + ",\"segments\":" + c.segmentCount() + "}";
  }
}
