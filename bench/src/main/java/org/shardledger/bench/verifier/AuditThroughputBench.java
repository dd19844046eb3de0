package org.shardledger.bench.verifier;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverConfig;
import org.shardledger.prover.ProverNode;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.view.InMemoryBeaconSource;
import org.shardledger.prover.view.InMemoryDealDirectory;
import org.shardledger.prover.view.ManualEpochClock;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.WireClient;

/**
 * One verifier's audit path — challenge over the wire, decode, verify — against N operator nodes on loopback, as
 * the verifier runs it (bounded concurrency, pooled connections). Prints audits per second, latency percentiles,
 * and how the process's CPU time splits between proof verification and everything else (network, framing,
 * the operators' side, which shares the machine here).
 *
 * <p>Usage: {@code AuditThroughputBench [operators=100] [rounds=20] [concurrency=32] [samples=32] [shardKiB=1024]}
 */
public final class AuditThroughputBench {
  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private AuditThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int operators = arg(args, 0, 100);
    int rounds = arg(args, 1, 20);
    int concurrency = arg(args, 2, 32);
    int samples = arg(args, 3, 32);
    int shardKiB = arg(args, 4, 1024);
    Path dir = Files.createTempDirectory("audit-bench");
    Eip712Domain domain = Eip712Domain.shardledger(31337, Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
    Random random = new Random(1);
    InMemoryDealDirectory deals = new InMemoryDealDirectory();
    InMemoryBeaconSource beacons = new InMemoryBeaconSource();
    List<ProverNode> nodes = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    try (WireClient client = new WireClient(ClientSettings.defaults(domain))) {
      for (int i = 0; i < operators; i++) {
        KeyPair key = KeyPair.random(new SecureRandom());
        ProverNode node = new ProverNode(ProverConfig.defaults(dir.resolve("op" + i), 1L << 32).withListen("127.0.0.1", 0),
            new OperatorIdentity(key, domain), deals, beacons, new ManualEpochClock(0), new ProverStatusLog());
        InetSocketAddress address = node.start();
        nodes.add(node);
        byte[] shard = new byte[shardKiB * 1024];
        random.nextBytes(shard);
        Deal deal = new Deal(i + 1, KeyPair.random(new SecureRandom()).address(), key.address(),
            new CommitmentBuilder(4096).update(shard).finish(), samples, BigInteger.ONE, 0, 1_000_000);
        deals.put(deal, DealStatus.ACTIVE);
        OperatorClient operator = client.operator(address, key.address());
        UploadResult upload = operator.upload(deal, new ByteArrayInputStream(shard)).get();
        if (!(upload instanceof UploadResult.Accepted)) {
          throw new IllegalStateException("upload failed: " + upload);
        }
        targets.add(new Target(deal, operator));
      }
      System.out.printf("machine: %d cores; %d operator nodes on loopback, %d KiB shards, %d samples per audit, "
          + "concurrency %d%n", Runtime.getRuntime().availableProcessors(), operators, shardKiB, samples, concurrency);
      ExecutorService verifyPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
      run(client, targets, beacons, verifyPool, 2, concurrency, new long[1], false);
      long[] verifyNanos = new long[1];
      Result r = run(client, targets, beacons, verifyPool, rounds, concurrency, verifyNanos, true);
      verifyPool.shutdown();
      long[] lat = r.latencies;
      Arrays.sort(lat);
      System.out.printf("audits: %d in %.2f s = %.0f audits/s (all PASS: %s)%n", lat.length, r.seconds,
          lat.length / r.seconds, r.failures == 0);
      System.out.printf("latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(lat, 0.5), ms(lat, 0.9),
          ms(lat, 0.99), lat[lat.length - 1] / 1e6);
      System.out.printf("CPU: process %.2f s over the run; proof verification (decode + verify, thread CPU time) "
          + "%.2f s (%.0f%%), the rest (wire, "
          + "framing, signatures checked, and the operators' side on the same machine) %.0f%%%n",
          r.cpuSeconds, verifyNanos[0] / 1e9, 100 * verifyNanos[0] / 1e9 / r.cpuSeconds,
          100 * (1 - verifyNanos[0] / 1e9 / r.cpuSeconds));
    } finally {
      nodes.forEach(ProverNode::close);
    }
  }

  record Target(Deal deal, OperatorClient operator) {}

  record Result(long[] latencies, double seconds, double cpuSeconds, long failures) {}

  static Result run(WireClient client, List<Target> targets, InMemoryBeaconSource beacons, ExecutorService verifyPool,
      int rounds, int concurrency, long[] verifyNanos, boolean measure) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long[] latencies = new long[rounds * targets.size()];
    AtomicLong failures = new AtomicLong();
    AtomicLong verify = new AtomicLong();
    Semaphore slots = new Semaphore(concurrency);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    int n = 0;
    for (int round = 0; round < rounds; round++) {
      long epoch = measure ? 1000 + round : round;
      byte[] b = new byte[32];
      new Random(epoch).nextBytes(b);
      Bytes32 beacon = Bytes32.of(b);
      beacons.record(epoch, beacon);
      for (Target t : targets) {
        int slot = n++;
        slots.acquire();
        long start = System.nanoTime();
        Challenge challenge = Challenge.audit(beacon, 31337, t.deal().id(), epoch, t.deal().samples());
        all.add(t.operator().challenge(t.deal().id(), epoch).thenAcceptAsync(result -> {
          long v0 = THREADS.getCurrentThreadCpuTime();
          boolean ok = false;
          if (result instanceof ChallengeResult.Proof p) {
            try {
              ok = ProofVerifier.verify(t.deal().commitment(), challenge, p.decode()).isValid();
            } catch (Exception e) {
              ok = false;
            }
          }
          verify.addAndGet(THREADS.getCurrentThreadCpuTime() - v0);
          if (!ok) {
            failures.incrementAndGet();
          }
          latencies[slot] = System.nanoTime() - start;
        }, verifyPool).whenComplete((v, e) -> slots.release()));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    verifyNanos[0] = verify.get();
    return new Result(latencies, (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9,
        failures.get());
  }

  static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }
}
