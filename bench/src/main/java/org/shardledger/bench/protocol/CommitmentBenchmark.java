package org.shardledger.bench.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.protocol.merkle.Sha256;

/**
 * Commitment throughput against plain SHA-256 of the same bytes, in the same run. Each benchmark hashes the same
 * 256 MiB once per invocation, so the scores (seconds per op) compare directly: ratio = rawSha256 / commit*.
 * The file variants read a file in the page cache, the way {@code shardledger commit} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CommitmentBenchmark {
  private static final int SIZE = 256 << 20;

  @Param({"4096"})
  int segmentSize;

  byte[] data;
  Path file;
  MessageDigest sha;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    data = new byte[SIZE];
    new Random(1).nextBytes(data);
    file = Files.createTempFile("commit-bench", ".bin");
    Files.write(file, data);
    sha = Sha256.newDigest();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The baseline: one SHA-256 over the whole buffer. */
  @Benchmark
  public byte[] rawSha256() {
    sha.update(data);
    return sha.digest();
  }

  /** RFC 9162 over 4 KiB segments, one thread, from memory. */
  @Benchmark
  public ShardCommitment commitOneThread() {
    return new CommitmentBuilder(segmentSize).update(data).finish();
  }

  /** The parallel hasher on one thread, reading the file: the cost of the file path alone. */
  @Benchmark
  public ShardCommitment commitFileOneThread() throws IOException {
    return new ShardHasher(segmentSize, 1, null).commit(file);
  }

  /** The parallel hasher on every core, reading the file. */
  @Benchmark
  public ShardCommitment commitFileAllCores() throws IOException {
    return new ShardHasher(segmentSize, Runtime.getRuntime().availableProcessors(), null).commit(file);
  }
}
