package org.shardledger.bench.prover;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.view.InMemoryBeaconSource;
import org.shardledger.prover.view.InMemoryDealDirectory;
import org.shardledger.prover.view.ManualEpochClock;
import org.shardledger.prover.serve.ChallengeResponder;
import org.shardledger.prover.serve.ProverBackend;
import org.shardledger.prover.serve.ShardProver;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StagedShard;
import org.shardledger.prover.store.StoredShard;
import org.shardledger.prover.store.ShardReader;
import org.shardledger.wire.server.OperatorBackend;

/**
 * Proof generation latency for 32 samples of a 1 GiB shard (4 KiB segments) held by a real shard store, warm and
 * cold page cache. Two figures each: "build" = tree cache + segment reads + audit paths (ProofBuilder over the
 * TreeFile), "answer" = what the node does per challenge (build, self-verify against the deal, encode, EIP-712
 * sign). Both go through the store's open-shard cache, as the node does. Cold: the shard and its tree cache are
 * evicted from the page cache (dd iflag=nocache) before each run.
 *
 * <pre>java -cp … org.shardledger.bench.prover.ProofLatencyBench [DIR] [GiB] [warmRuns] [coldRuns]</pre>
 */
public final class ProofLatencyBench {
  private ProofLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/proof-bench"));
    long size = (args.length > 1 ? Long.parseLong(args[1]) : 1) << 30;
    int warmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    int coldRuns = args.length > 3 ? Integer.parseInt(args[3]) : 100;

    InMemoryDealDirectory deals = new InMemoryDealDirectory();
    InMemoryBeaconSource beacons = new InMemoryBeaconSource();
    ShardStore store = ShardStore.open(dir.resolve("node"), 1L << 42);
    Path source = dir.resolve("shard.bin");
    if (!Files.exists(source) || Files.size(source) != size) {
      BenchShards.write(source, size);
    }
    Deal deal = BenchShards.propose(deals, 1, source, 32);
    if (store.find(1).isEmpty()) {
      store(store, deal, source);
    }
    ProverStatusLog quiet = new ProverStatusLog() {
      @Override
      public void challengeAnswered(long dealId, long epoch, int samples, java.time.Duration took) {
        // thousands of these would time the logger
      }
    };
    ProverBackend backend = new ProverBackend(store, deals, new ManualEpochClock(0),
        new ChallengeResponder(new ShardProver(store, quiet), beacons, BenchShards.IDENTITY, quiet), BenchShards.IDENTITY, quiet);
    StoredShard shard = store.find(1).orElseThrow();
    for (long e = 0; e < 2L * (warmRuns + coldRuns + 2000); e++) {
      beacons.record(e, Bytes32.ofUnsigned(0x5eed00L + e));
    }
    System.out.printf(Locale.ROOT, "shard %d MiB, 32 samples, %d cores%n", size >> 20,
        Runtime.getRuntime().availableProcessors());

    long epoch = 0;
    for (int i = 0; i < 2000; i++, epoch++) {
      build(store, shard, beacons, epoch);
      answer(backend, epoch);
    }
    long[] build = new long[warmRuns];
    long[] answer = new long[warmRuns];
    long[] answerCpu = new long[warmRuns];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmRuns; i++, epoch++) {
      build[i] = build(store, shard, beacons, epoch);
      long cpu = threads.getCurrentThreadCpuTime();
      answer[i] = answer(backend, epoch + warmRuns + coldRuns);
      answerCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
    }
    report("warm", build, answer);
    Arrays.sort(answerCpu);
    System.out.printf(Locale.ROOT, "warm answer, CPU time of the answering thread (without waiting for a core): "
        + "p50 %.3f p90 %.3f p99 %.3f ms%n", ms(answerCpu, 0.5), ms(answerCpu, 0.9), ms(answerCpu, 0.99));

    long[] coldBuild = new long[coldRuns];
    long[] coldAnswer = new long[coldRuns];
    for (int i = 0; i < coldRuns; i++, epoch++) {
      BenchShards.evict(shard.data());
      BenchShards.evict(shard.tree());
      coldBuild[i] = build(store, shard, beacons, epoch);
      BenchShards.evict(shard.data());
      BenchShards.evict(shard.tree());
      coldAnswer[i] = answer(backend, epoch + warmRuns + coldRuns);
    }
    report("cold", coldBuild, coldAnswer);
  }

  private static void store(ShardStore store, Deal deal, Path source) throws IOException {
    StagedShard staged = ((ShardStore.Started) store.stage(deal)).shard();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
      while (in.read(buffer.clear()) > 0) {
        staged.write(buffer.flip());
      }
    }
    if (!(staged.commit() instanceof StagedShard.Stored)) {
      throw new IllegalStateException("the benchmark shard was not stored");
    }
  }

  private static long build(ShardStore store, StoredShard shard, InMemoryBeaconSource beacons, long epoch)
      throws IOException {
    long start = System.nanoTime();
    Challenge challenge = Challenge.audit(beacons.beacon(epoch).orElseThrow(), BenchShards.DOMAIN.chainId(), 1,
        epoch, 32);
    ShardReader reader = store.reader(shard);
    ProofBuilder.build(challenge, shard.commitment(), reader.tree(), reader);
    return System.nanoTime() - start;
  }

  private static long answer(ProverBackend backend, long epoch) {
    long start = System.nanoTime();
    OperatorBackend.ChallengeAnswer answer = backend.answerChallenge(1, epoch);
    long took = System.nanoTime() - start;
    if (!(answer instanceof OperatorBackend.SignedProof)) {
      throw new IllegalStateException("expected a signed proof, got " + answer);
    }
    return took;
  }

  private static void report(String cache, long[] build, long[] answer) {
    Arrays.sort(build);
    Arrays.sort(answer);
    System.out.printf(Locale.ROOT, "%s page cache (%d runs): build p50 %.3f p90 %.3f p99 %.3f ms | answer "
        + "(build+verify+sign) p50 %.3f p90 %.3f p99 %.3f ms%n", cache, build.length, ms(build, 0.50),
        ms(build, 0.90), ms(build, 0.99), ms(answer, 0.50), ms(answer, 0.90), ms(answer, 0.99));
  }

  private static double ms(long[] sorted, double p) {
    return BenchShards.percentile(sorted, p) / 1e6;
  }
}
