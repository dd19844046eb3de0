package org.shardledger.bench.ledger;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.H2SettlementStore;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementState;

/**
 * What the ledger adds to an epoch's computation: persisting it in H2 ({@link H2SettlementStore}, the store the
 * ledger and every verifier use). One deal per operator, so every epoch changes the cumulative amount of every
 * account: the worst case for the store. Times: the first epoch (all deals and accounts inserted), a steady epoch
 * (median of 5: every account's amount and every deal's state rewritten), reopening and restoring the state,
 * every account's amounts at an epoch, one account's amount, and rebuilding the payout tree for claim proofs.
 *
 * <p>Run: {@code java -Xmx8g -cp "bench/target/shardledger-bench.jar:bench/target/lib/*"
 * org.shardledger.bench.ledger.LedgerPersistBenchmark [accounts...]} (default 10000 100000).
 */
public final class LedgerPersistBenchmark {
  private static final Eip712Domain DOMAIN =
      Eip712Domain.shardledger(31337, Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
  private static final KeyPair VERIFIER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x1001));
  private static final VerifierSet ONE = new VerifierSet(Set.of(VERIFIER.address()), 1);
  private static final int STEADY = 5;

  private LedgerPersistBenchmark() {}

  public static void main(String[] args) throws IOException {
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("%-9s %9s %9s %9s %9s %10s %9s %9s %8s%n", "accounts", "first ms", "epoch ms", "µs/acct",
        "restore", "amountsAt", "one acct", "tree ms", "db MB");
    run(2_000, false);
    for (int n : sizes) {
      run(n, true);
    }
  }

  private static void run(int n, boolean print) throws IOException {
    List<Deal> deals = deals(n);
    Map<Address, BigInteger> stakes = stakes(deals);
    SettlementRules rules = rules();
    Path dir = Files.createTempDirectory("ledger-persist");
    try (Database db = Database.open(dir, "bench")) {
      H2SettlementStore store = H2SettlementStore.open(db);
      long firstMs = settle(rules, store, deals, stakes, 0);
      long[] steady = new long[STEADY];
      for (int e = 1; e <= STEADY; e++) {
        steady[e - 1] = settle(rules, store, deals, stakes, e);
      }
      Arrays.sort(steady);
      long epochMs = steady[STEADY / 2];
      db.close();

      long t0 = System.nanoTime();
      long amountsMs;
      long oneMicros;
      long treeMs;
      try (Database reopened = Database.open(dir, "bench")) {
        H2SettlementStore restored = H2SettlementStore.open(reopened);
        SettlementState state = restored.current();
        long restoreMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        Map<Address, BigInteger> amounts = restored.amountsAt(3);
        amountsMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        restored.cumulativeAt(account(n / 2), 3);
        oneMicros = (System.nanoTime() - t0) / 1_000;
        t0 = System.nanoTime();
        PayoutTree tree = PayoutTree.of(state.cumulative());
        treeMs = (System.nanoTime() - t0) / 1_000_000;
        if (amounts.size() != n || tree.size() != n) {
          throw new IllegalStateException("expected " + n + " accounts");
        }
        if (print) {
          System.out.printf("%-9d %9d %9d %9.1f %9d %10d %9d %9d %8.0f%n", n, firstMs, epochMs,
              epochMs * 1000.0 / n, restoreMs, amountsMs, oneMicros / 1000, treeMs, dbMegabytes(dir));
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One deal per operator {@code account(i)}, owned by {@code account(-i)}. */
  static List<Deal> deals(int n) {
    List<Deal> deals = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      deals.add(new Deal(i, account(-i), account(i), new ShardCommitment(Bytes32.ofUnsigned(i), 1L << 30, 4096), 32,
          BigInteger.valueOf(1_000_000_000L + i), 0, 99));
    }
    return deals;
  }

  static Map<Address, BigInteger> stakes(List<Deal> deals) {
    Map<Address, BigInteger> stakes = new HashMap<>();
    deals.forEach(d -> stakes.put(d.operator(), BigInteger.TEN.pow(21)));
    return stakes;
  }

  static SettlementRules rules() {
    return new SettlementRules(SettlementConfig.DEFAULT, DOMAIN);
  }

  /** Computes one epoch (not timed) and times only recording it. */
  static long settle(SettlementRules rules, SettlementStore store, List<Deal> deals,
      Map<Address, BigInteger> stakes, long epoch) throws IOException {
    List<DealResult> results = new ArrayList<>(deals.size());
    deals.forEach(d -> results.add(new DealResult(d.id(), AuditOutcome.PASS)));
    AuditReport report = AuditResults.report(epoch, results);
    SignedReport signed = new SignedReport(report, DOMAIN.sign(report, VERIFIER), results);
    SettlementState before = store.current();
    SettlementResult r = rules.settle(before, new SettlementInput(epoch, deals, stakes, ONE,
        List.of(EpochAudits.of(epoch, List.of(signed)))));
    long t0 = System.nanoTime();
    store.record(new SettledEpoch(epoch, r.settlement(), r.slashes(), r.terminations(), r.held(), r.payoutTree().size(),
        Map.of(VERIFIER.address(), DOMAIN.sign(r.settlement(), VERIFIER)), Optional.empty()), before, r.state());
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static double dbMegabytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
    }
  }

  static Address account(int i) {
    return Address.of(Arrays.copyOf(Keccak256.hash("account:" + i).toArray(), Address.SIZE));
  }
}
