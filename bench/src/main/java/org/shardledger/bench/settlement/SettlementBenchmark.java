package org.shardledger.bench.settlement;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shardledger.protocol.aggregation.Aggregator;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementState;

/**
 * Epoch computation time and memory of the settlement rules for growing numbers of deals (synthetic reports, three
 * verifiers, t = 2; see {@link SyntheticNetwork}). Epoch 0 admits every deal from genesis; epochs 1..5 are the steady
 * state that is reported (median), each after a full collection. Aggregation and the payout tree are also timed
 * on their own ("epoch ms" includes both).
 *
 * <p>Run: {@code java -Xmx12g -cp bench/target/shardledger-bench.jar:bench/target/lib/*
 * org.shardledger.bench.settlement.SettlementBenchmark [deals...]} (default 1000 10000 100000 1000000).
 */
public final class SettlementBenchmark {
  private static final int ROUNDS = 5;

  private SettlementBenchmark() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000, 1_000_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("%-9s %9s %9s %9s %9s %8s %9s %10s %9s %9s%n", "deals", "first ms", "epoch ms",
        "aggreg ms", "tree ms", "µs/deal", "alloc MB", "inputs MB", "live MB", "accounts");
    measure(20_000, false); // warm up the JIT
    for (int n : sizes) {
      measure(n, true);
    }
  }

  private static void measure(int n, boolean print) {
    SyntheticNetwork network = new SyntheticNetwork(n);
    SettlementRules rules = new SettlementRules(SettlementConfig.DEFAULT, SyntheticNetwork.DOMAIN);
    Aggregator aggregator = new Aggregator(SyntheticNetwork.DOMAIN);
    List<EpochAudits> audits = new ArrayList<>();
    for (int e = 0; e <= ROUNDS; e++) {
      audits.add(network.audits(e));
    }

    long inputs = print ? liveBytes() : 0;
    long t0 = System.nanoTime();
    SettlementResult result = settle(rules, network, SettlementState.genesis(), audits.getFirst());
    long firstMs = (System.nanoTime() - t0) / 1_000_000;

    long[] epochNs = new long[ROUNDS];
    long[] aggregateNs = new long[ROUNDS];
    long[] treeNs = new long[ROUNDS];
    long[] allocated = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      EpochAudits epoch = audits.get(r + 1);
      liveBytes(); // each round pays for its own garbage only, as a ledger idle between epochs would
      long a = System.nanoTime();
      aggregator.aggregate(SyntheticNetwork.TWO_OF_THREE, epoch);
      aggregateNs[r] = System.nanoTime() - a;

      long before = allocatedBytes();
      long s = System.nanoTime();
      result = settle(rules, network, result.state(), epoch);
      epochNs[r] = System.nanoTime() - s;
      allocated[r] = allocatedBytes() - before;

      long t = System.nanoTime();
      PayoutTree.of(result.state().cumulative());
      treeNs[r] = System.nanoTime() - t;
    }
    if (!print) {
      return;
    }
    long live = liveBytes();
    System.out.printf("%-9d %9d %9.0f %9.0f %9.0f %8.2f %9.0f %10.0f %9.0f %9d%n", n, firstMs,
        median(epochNs) / 1e6, median(aggregateNs) / 1e6, median(treeNs) / 1e6, median(epochNs) / 1e3 / n,
        median(allocated) / 1e6, inputs / 1e6, live / 1e6, result.payoutTree().size());
    if (result.settlement().epoch() != ROUNDS) {
      throw new IllegalStateException("settled the wrong epoch");
    }
  }

  private static SettlementResult settle(SettlementRules rules, SyntheticNetwork network, SettlementState state,
      EpochAudits audits) {
    return rules.settle(state, new SettlementInput(audits.epoch(), network.deals, network.stakes,
        SyntheticNetwork.TWO_OF_THREE, List.of(audits)));
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().threadId());
  }

  /** Heap in use after a full collection (inputs: deals and reports; live: also the last state and result). */
  private static long liveBytes() {
    System.gc();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
