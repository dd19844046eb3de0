package org.shardledger.bench.protocol;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.merkle.MerkleTree;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;

/**
 * Verifying 32 samples of a 1 GiB shard (4 KiB segments, 2^18 leaves, paths of 18 nodes) against plain SHA-256 of
 * the same 32 segments (128 KiB) in the same run: ratio = verify32Samples / rawSha256OfSamples.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class VerificationBenchmark {
  private static final int SEGMENT = 4096;
  private static final long SIZE = 1L << 30;

  ShardCommitment commitment;
  Challenge challenge;
  StorageProof proof;
  byte[] sampledBytes;
  MessageDigest sha;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    byte[] data = new byte[(int) SIZE];
    new Random(7).nextBytes(data);
    commitment = new CommitmentBuilder(SEGMENT).update(data).finish();
    int n = (int) commitment.segmentCount();
    MerkleHasher hasher = new MerkleHasher();
    byte[] leaves = new byte[n * 32];
    for (int i = 0; i < n; i++) {
      hasher.leaf(data, i * SEGMENT, SEGMENT, leaves, i * 32);
    }
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves, n);
    byte[] beacon = new byte[32];
    new Random(8).nextBytes(beacon);
    challenge = Challenge.audit(Bytes32.of(beacon), 31337, 1, 100, 32);
    proof = ProofBuilder.build(challenge, commitment, tree,
        (index, length) -> Bytes.of(Arrays.copyOfRange(data, (int) index * SEGMENT, (int) index * SEGMENT + length)));
    sampledBytes = new byte[32 * SEGMENT];
    for (int i = 0; i < 32; i++) {
      proof.samples().get(i).segment().copyTo(sampledBytes, i * SEGMENT);
    }
    sha = Sha256.newDigest();
    if (!ProofVerifier.verify(commitment, challenge, proof).isValid()) {
      throw new IllegalStateException("benchmark proof does not verify");
    }
  }

  @Benchmark
  public ProofVerdict verify32Samples() {
    return ProofVerifier.verify(commitment, challenge, proof);
  }

  @Benchmark
  public byte[] rawSha256OfSamples() {
    sha.update(sampledBytes);
    return sha.digest();
  }
}
