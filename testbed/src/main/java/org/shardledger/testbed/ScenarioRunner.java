package org.shardledger.testbed;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.payout.ClaimProof;

/**
 * Injects seeded faults into a {@link TestbedNetwork} for a bounded time while epochs run, one fault at a time,
 * every kind once in a seeded order before any repeats (the first is always a kill -9):
 * each lasts less than an epoch and is followed by at least an epoch without faults, so every operator is reachable
 * within each grace window. Checks the invariants after every epoch, then lets the network catch up and checks
 * that every deal is settled and paid.
 */
public final class ScenarioRunner {
  /** The kinds of fault. */
  public enum Kind {
    OPERATOR_PARTITION, OPERATOR_LATENCY, OPERATOR_SLOW_LINK, OPERATOR_RESET, OPERATOR_DROP_NEW,
    RPC_LINK_PARTITION, CHAIN_RPC_ERROR, CHAIN_RPC_STALL, KILL_9, SIGTERM,
    /** Two at once: an operator partitioned while another role's chain RPC stalls. */
    PARTITION_WITH_CHAIN_STALL
  }

  /** One injected fault: the epochs it began and ended in, and when it ended (ms since the start). */
  public record Fault(Kind kind, String target, long startEpoch, long endMillis, long endEpoch) {
    /**
     * Whether the fault can account for a verdict other than PASS in {@code epoch}: it overlapped the epoch or
     * the one before or after ({@link #EXPLAINED_MARGIN_EPOCHS}), since an epoch's challenges follow the beacon at
     * its start and its reports reach the ledger during the next epoch.
     */
    boolean explains(long epoch) {
      return epoch >= startEpoch - EXPLAINED_MARGIN_EPOCHS && epoch <= endEpoch + EXPLAINED_MARGIN_EPOCHS;
    }
  }

  /** How many epochs either side of a fault a verdict other than PASS is put down to it. */
  public static final long EXPLAINED_MARGIN_EPOCHS = 1;

  /** What a run saw. */
  public record Report(long seed, Map<Kind, Integer> faults, Map<String, Integer> kills, long epochsSettled,
      int checks, int passed, int balancesCompared, List<Long> recoveryMillis, List<Long> quietLagMillis,
      List<Duration> sigtermStops, int claims, List<String> gets, List<Verdict> notPassed,
      List<Verdict> unexplained, List<String> violations) {
    public String describe() {
      return "seed " + seed + ": faults " + faults + ", kills " + kills + ", epochs settled " + epochsSettled
          + ", invariant checks " + checks + " (" + passed + " passed, " + balancesCompared + " balance rounds), "
          + "claims " + claims + ", gets " + gets + ", verdicts not PASS " + notPassed.size() + " (not near a fault: " + unexplained
          + "), "
          + "recovery after a fault ms (median/max) " + median(recoveryMillis) + "/" + max(recoveryMillis)
          + " vs. settlement lag without faults " + median(quietLagMillis) + "/" + max(quietLagMillis)
          + ", SIGTERM stops " + sigtermStops + ", violations " + violations;
    }
  }

  public static final Duration SIGTERM_BOUND = Duration.ofSeconds(20);
  private static final long EPOCH_MILLIS = TestbedNetwork.EPOCH_LENGTH * 1000;

  private final TestbedNetwork net;
  private final Chain reader;
  private final InvariantChecker checker;
  private final Random random;
  private final long seed;
  private final long start = System.currentTimeMillis();
  private final List<Fault> injected = new ArrayList<>();
  private final Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
  private final Map<String, Integer> kills = new TreeMap<>();
  private final List<Duration> sigtermStops = new ArrayList<>();
  private final List<Long> recoveries = new ArrayList<>();
  private final List<Long> quietLags = new ArrayList<>();
  private long lastCheckedEpoch = -1;
  private int claims;
  private final List<String> gets = new ArrayList<>();
  private Path stored;
  private Path manifest;

  public ScenarioRunner(TestbedNetwork net, Chain reader, InvariantChecker checker, long seed) {
    this.net = net;
    this.reader = reader;
    this.checker = checker;
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Faults for {@code faultTime}, then up to {@code catchUp} for the network to settle every deal. */
  public Report run(Duration faultTime, Duration catchUp, long lastDealEpoch) throws Exception {
    long faultsEnd = System.currentTimeMillis() + faultTime.toMillis();
    long claimAt = System.currentTimeMillis() + faultTime.toMillis() / 2;
    List<Kind> cycle = new ArrayList<>();
    while (System.currentTimeMillis() < faultsEnd) {
      if (claims == 0 && System.currentTimeMillis() >= claimAt) {
        claimMidRun();
        if (stored != null) {
          gets.add("during faults: " + get("get-during-faults"));
        }
      }
      if (cycle.isEmpty()) {
        cycle.addAll(List.of(Kind.values()));
        java.util.Collections.shuffle(cycle, random);
        if (injected.isEmpty()) {
          cycle.remove(Kind.KILL_9);
          cycle.addFirst(Kind.KILL_9);
        }
      }
      inject(cycle.removeFirst());
      quiet(EPOCH_MILLIS + random.nextInt((int) EPOCH_MILLIS / 2));
    }
    long deadline = System.currentTimeMillis() + catchUp.toMillis();
    while (System.currentTimeMillis() < deadline && reader.settlements().settledThrough() <= lastDealEpoch) {
      quiet(1000);
    }
    quiet(3000);
    checker.check(true);
    if (stored != null) {
      String after = get("get-after-faults");
      gets.add("after the faults: " + after);
      if (!after.equals("identical")) {
        checker.violate(stored + " stored with put is not retrievable after the faults stopped: " + after);
      }
    }
    List<Verdict> notPassed = checker.notPassed();
    List<Verdict> unexplained = notPassed.stream()
        .filter(v -> injected.stream().noneMatch(f -> f.explains(v.epoch()))).toList();
    return new Report(seed, Map.copyOf(byKind), Map.copyOf(kills), reader.settlements().settledThrough(),
        checker.checks(), checker.passed(), checker.balancesCompared(), List.copyOf(recoveries),
        List.copyOf(quietLags), List.copyOf(sigtermStops), claims, List.copyOf(gets), notPassed, unexplained, checker.violations());
  }

  /** Also gets {@code file}, stored with {@code put} as {@code manifest}, mid-run and after the faults (byte-identical
   * after them). */
  public ScenarioRunner withStoredFile(Path file, Path manifest) {
    this.stored = file;
    this.manifest = manifest;
    return this;
  }

  /** {@code get} of the stored file: "identical", or what went wrong. */
  private String get(String name) throws Exception {
    Path out = stored.resolveSibling(name + ".bin");
    long began = System.currentTimeMillis();
    int code = net.ownerCli().get(manifest, out);
    long took = System.currentTimeMillis() - began;
    if (code != 0) {
      return "exit " + code + " after " + took + " ms (" + net.ownerCli().lastLog() + ")";
    }
    return java.nio.file.Files.mismatch(out, stored) == -1 ? "identical" : "different bytes (" + out + ")";
  }

  /**
   * The first operator claims what the ledger says it earned, then sends the very same claim (amount and proof)
   * again: the chain must pay the difference once and nothing the second time (its claimed amount unchanged). The
   * proof is not fetched again: a settlement landing in between would make that a new, larger claim.
   */
  private void claimMidRun() throws Exception {
    TestbedNetwork.Role op = net.operators().getFirst();
    for (int attempt = 0; attempt < 5 && claims == 0; attempt++) {
      java.util.Optional<ClaimProof> proof = checker.claimProof(op.key().address());
      if (proof.isPresent() && checker.claim(proof.get()).succeeded()) {
        claims++;
        BigInteger after = reader.settlements().claimed(op.key().address());
        checker.claim(proof.get());
        BigInteger again = reader.settlements().claimed(op.key().address());
        if (!again.equals(after)) {
          checker.violate(op.key().address() + " claimed " + after + ", then the same claim again raised it to "
              + again);
        }
        claims++;
      } else {
        quiet(EPOCH_MILLIS / 2);
      }
    }
  }

  private void inject(Kind kind) throws Exception {
    long startEpoch = reader.currentEpoch();
    List<TestbedNetwork.Role> operators = net.operators();
    TestbedNetwork.Role op = operators.get(random.nextInt(operators.size()));
    List<TestbedNetwork.Role> all = net.roles();
    TestbedNetwork.Role any = all.get(random.nextInt(all.size()));
    long holdMillis = 2000 + random.nextInt(4000);
    String target;
    switch (kind) {
      case OPERATOR_PARTITION -> {
        target = op.process().name();
        op.front().partition(true);
        Thread.sleep(holdMillis);
      }
      case OPERATOR_LATENCY -> {
        target = op.process().name();
        op.front().latency(200 + random.nextInt(800));
        Thread.sleep(holdMillis);
      }
      case OPERATOR_SLOW_LINK -> {
        target = op.process().name();
        op.front().slowLink(2048 + random.nextInt(16 * 1024));
        Thread.sleep(holdMillis);
      }
      case OPERATOR_RESET -> {
        target = op.process().name();
        op.front().resetAll();
      }
      case OPERATOR_DROP_NEW -> {
        target = op.process().name();
        op.front().resetAll();
        op.front().dropNewConnections(true);
        Thread.sleep(holdMillis);
      }
      case RPC_LINK_PARTITION -> {
        TestbedNetwork.Role server = random.nextBoolean() ? net.ledger()
            : net.verifiers().get(random.nextInt(net.verifiers().size()));
        target = server.process().name();
        server.front().partition(true);
        Thread.sleep(holdMillis);
      }
      case CHAIN_RPC_ERROR -> {
        target = any.process().name();
        any.chainRpc().mode(random.nextBoolean() ? ChainRpcProxy.Mode.RPC_ERROR : ChainRpcProxy.Mode.HTTP_ERROR);
        Thread.sleep(holdMillis);
      }
      case CHAIN_RPC_STALL -> {
        target = any.process().name();
        any.chainRpc().stallFor(Duration.ofMillis(holdMillis));
        any.chainRpc().mode(ChainRpcProxy.Mode.STALL);
        Thread.sleep(holdMillis);
      }
      case KILL_9 -> {
        target = any.process().name();
        Thread.sleep(random.nextInt(3000));
        any.process().kill();
        kills.merge(target, 1, Integer::sum);
        Thread.sleep(random.nextInt(2000));
        any.process().start(TestbedNetwork.START_TIMEOUT);
      }
      case SIGTERM -> {
        target = any.process().name();
        sigtermStops.add(any.process().terminate(SIGTERM_BOUND));
        any.process().start(TestbedNetwork.START_TIMEOUT);
      }
      case PARTITION_WITH_CHAIN_STALL -> {
        TestbedNetwork.Role other = all.stream().filter(r -> r != op).toList()
            .get(random.nextInt(all.size() - 1));
        target = op.process().name() + "+" + other.process().name();
        op.front().partition(true);
        other.chainRpc().stallFor(Duration.ofMillis(holdMillis));
        other.chainRpc().mode(ChainRpcProxy.Mode.STALL);
        Thread.sleep(holdMillis);
      }
      default -> throw new IllegalStateException();
    }
    for (TestbedNetwork.Role r : all) {
      r.chainRpc().mode(ChainRpcProxy.Mode.PASS);
      if (r.front() != null) {
        r.front().heal();
      }
    }
    byKind.merge(kind, 1, Integer::sum);
    long now = System.currentTimeMillis() - start;
    injected.add(new Fault(kind, target, startEpoch, now, reader.currentEpoch()));
  }

  /** Waits {@code millis}, checking the invariants at each new epoch and noting when faults are recovered from. */
  private void quiet(long millis) throws IOException, InterruptedException {
    long until = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < until) {
      long epoch = reader.currentEpoch();
      if (epoch != lastCheckedEpoch) {
        lastCheckedEpoch = epoch;
        checker.check(false);
      }
      noteRecoveries();
      Thread.sleep(500);
    }
  }

  private final java.util.Set<Fault> recovered = new java.util.HashSet<>();
  private final Map<Long, Long> epochEnded = new TreeMap<>();

  private void noteRecoveries() throws IOException {
    long settledThrough = reader.settlements().settledThrough();
    long now = System.currentTimeMillis() - start;
    long epoch = reader.currentEpoch();
    epochEnded.putIfAbsent(epoch - 1, now);
    for (Fault f : injected) {
      if (!recovered.contains(f) && settledThrough > f.endEpoch()) {
        recovered.add(f);
        recoveries.add(now - f.endMillis());
      }
    }
    for (Map.Entry<Long, Long> e : epochEnded.entrySet()) {
      if (e.getValue() >= 0 && settledThrough > e.getKey() && !faultedEpoch(e.getKey())) {
        quietLags.add(now - e.getValue());
        e.setValue(-1L);
      }
    }
  }

  private boolean faultedEpoch(long epoch) {
    return injected.stream().anyMatch(f -> f.explains(epoch));
  }

  static long median(List<Long> values) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(-1);
  }
}
