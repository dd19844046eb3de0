package org.shardledger.ledger.settlement;

import org.shardledger.ledger.store.H2LedgerStores;
import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.protocol.settlement.SignAnswer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.BeaconStatus;
import org.shardledger.chainstore.settlement.InMemorySettlementChain;
import org.shardledger.chainstore.settlement.InMemorySettlementStore;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.ledger.LedgerStatusLog;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.reports.ReportInbox;
import org.shardledger.protocol.aggregation.Aggregator;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.testkit.PropertySeeds;
import org.shardledger.testkit.RandomAccounts;
import org.shardledger.testkit.TestDomain;
import org.shardledger.verifier.settlement.SettlementSigner;

/**
 * The ledger's settlement loop over random networks (deals, failing and vanishing operators, offline and lying
 * verifiers, missing beacons), a chain whose RPC fails at random (also after applying a settlement) and verifiers
 * that are offline at random. Whatever happens, every settled epoch lands exactly once with the ledger's own
 * settlement, what the ledger stores never lets an account's cumulative amount decrease, its claim proofs verify,
 * and every verifier that signed keeps the same amounts.
 */
class SettlerPropertyTest {
  static final Eip712Domain DOMAIN = TestDomain.DOMAIN;
  static final List<KeyPair> KEYS = List.of(KeyPair.fromPrivateKey(BigInteger.valueOf(0x1001)),
      KeyPair.fromPrivateKey(BigInteger.valueOf(0x1002)), KeyPair.fromPrivateKey(BigInteger.valueOf(0x1003)));
  static final VerifierSet SET = new VerifierSet(Set.of(KEYS.get(0).address(), KEYS.get(1).address(),
      KEYS.get(2).address()), 2);
  static final long EPOCH_LENGTH = 10;
  static final long DEADLINE = 2;

  @TempDir
  Path dir;

  /** A quarter of the property tries: each case runs a whole ledger on H2. */
  static Stream<Long> seeds() {
    return PropertySeeds.seeds(0x5e77_1e00L, PropertySeeds.tries(4));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyEpochLandsOnceAndNoCumulativeAmountEverDecreases(long seed) throws Exception {
    try (Database db = Database.open(dir.resolve(Long.toHexString(seed)), "ledger")) {
      settleARandomNetwork(seed, H2LedgerStores.open(db));
    }
  }

  /** The same property with the core's in-memory stores: a crash keeps them, as it keeps the database. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyEpochLandsOnceOverTheInMemoryStores(long seed) throws Exception {
    settleARandomNetwork(seed, LedgerStores.inMemory());
  }

  private static void settleARandomNetwork(long seed, LedgerStores stores) throws Exception {
    Random r = new Random(seed);
    int epochs = 3 + r.nextInt(7);
    InMemorySettlementChain view = new InMemorySettlementChain(EPOCH_LENGTH, SET);
    Map<Address, BigInteger> stakes = new HashMap<>();
    List<Deal> deals = randomDeals(r, epochs, stakes);
    stakes.forEach(view::stake);
    deals.forEach(view::activate);
    FakeLedgerChain chain = new FakeLedgerChain(view, DOMAIN, SET, stakes, r, 0.15);
    List<InMemorySettlementStore> verifierStores = new ArrayList<>();
    List<VerifierClient> clients = new ArrayList<>();
    for (KeyPair key : KEYS) {
      InMemorySettlementStore store = new InMemorySettlementStore();
      verifierStores.add(store);
      clients.add(inProcess(new SettlementSigner(view, store, key, DOMAIN, SettlementConfig.DEFAULT), r));
    }

    {
      LedgerStatusLog status = new LedgerStatusLog();
      Settler[] settler = {null};
      java.util.function.Supplier<Settler> restart = () -> {
        if (settler[0] != null) {
          settler[0].close();
        }
        settler[0] = new Settler(view, chain, stores, clients, DOMAIN, SettlementConfig.DEFAULT, DEADLINE, status);
        return settler[0];
      };
      restart.get();
      try {
        ReportInbox inbox = new ReportInbox(stores.reports(), view, new Aggregator(DOMAIN),
            () -> stores.pending().load().map(p -> p.epoch() + 1).orElse(stores.settlements().current().nextEpoch()),
            () -> Long.MAX_VALUE, status);
        for (long e = 0; e < epochs; e++) {
          if (r.nextInt(8) == 0) {
            view.beacon(e, BeaconStatus.MISSING);
          }
          for (SignedReport report : reports(r, e, deals)) {
            inbox.submit(report);
          }
          view.confirmThrough((e + 1) * EPOCH_LENGTH - 1 + DEADLINE + r.nextInt(3));
          run(settler, restart, r, 40);
        }
        view.confirmThrough(epochs * EPOCH_LENGTH * 2);
        run(settler, restart, r, 400);
        assertThat(stores.pending().load()).as("nothing left pending").isEmpty();

        List<SettledEpoch> settled = stores.settlements().settledBetween(0, Long.MAX_VALUE, 10_000);
        assertThat(settled).isNotEmpty();
        var state = stores.settlements().current();
        assertThat(state.deals()).as("every deal settled to its end").allMatch(d -> d.closed());
        assertThat(state.cumulativeTotal()).as("all escrow paid or refunded")
            .isEqualTo(deals.stream().map(Deal::totalPrice).reduce(BigInteger.ZERO, BigInteger::add));
        assertThat(chain.landed).hasSameSizeAs(settled);
        assertThat(chain.settleTransactions).as("each settlement landed once").isEqualTo(settled.size());
        assertThat(chain.sentAfterLanding).as("never sent again after it landed").isEmpty();
        long from = 0;
        for (SettledEpoch s : settled) {
          assertThat(s.fromEpoch()).as("no epoch skipped or repeated").isEqualTo(from);
          assertThat(chain.landed.get(s.epoch())).isEqualTo(s.settlement());
          assertThat(s.signatures().size()).isGreaterThanOrEqualTo(SET.threshold());
          from = s.epoch() + 1;
        }

        Set<Address> accounts = new HashSet<>(stores.settlements().current().cumulative().keySet());
        for (Address account : accounts) {
          BigInteger previous = BigInteger.ZERO;
          for (long e = 0; e < epochs; e++) {
            BigInteger now = stores.settlements().cumulativeAt(account, e);
            assertThat(now).as("%s at epoch %d", account, e).isGreaterThanOrEqualTo(previous);
            previous = now;
          }
          var proof = ConfirmedView.open(stores.settlements(), Map.of(), -1)
              .proof(account).orElseThrow();
          assertThat(PayoutTree.verify(settled.getLast().settlement().payoutRoot(), account,
              proof.cumulativeAmount(), proof.proof())).isTrue();
        }
        for (int v = 0; v < KEYS.size(); v++) {
          for (SettledEpoch s : settled) {
            if (verifierStores.get(v).settled(s.epoch()).isPresent()) {
              assertThat(verifierStores.get(v).amountsAt(s.epoch()))
                  .isEqualTo(stores.settlements().amountsAt(s.epoch()));
            }
          }
        }
      } finally {
        settler[0].close();
      }
    }
  }

  /**
   * Ticks like the node does: a failure is retried on the next tick. Now and then the ledger "crashes" between two
   * steps and a new one starts from the same database.
   */
  private static void run(Settler[] settler, java.util.function.Supplier<Settler> restart, Random r, int ticks) {
    for (int i = 0; i < ticks; i++) {
      if (r.nextInt(10) == 0) {
        restart.get();
      }
      try {
        if (settler[0].tick() == Progress.IDLE && settler[0].pending().isEmpty()) {
          return;
        }
      } catch (IOException e) {
        // the RPC went away; the node backs off and tries again
      }
    }
  }

  private static VerifierClient inProcess(SettlementSigner signer, Random r) {
    return new VerifierClient() {
      @Override
      public String name() {
        return signer.signer().toString();
      }

      @Override
      public SignAnswer sign(org.shardledger.protocol.settlement.SignSettlementRequest request) throws IOException {
        if (r.nextInt(5) == 0) {
          throw new IOException("offline");
        }
        return signer.sign(request);
      }
    };
  }

  private static List<Deal> randomDeals(Random r, int epochs, Map<Address, BigInteger> stakes) {
    List<Address> operators = accounts(r, 1 + r.nextInt(3));
    List<Address> owners = accounts(r, 1 + r.nextInt(3));
    operators.forEach(op -> stakes.put(op, BigInteger.valueOf(r.nextInt(3000))));
    List<Deal> deals = new ArrayList<>();
    for (int id = 1, n = 1 + r.nextInt(5); id <= n; id++) {
      int first = r.nextInt(epochs);
      int last = first + r.nextInt(epochs - first);
      deals.add(new Deal(id, owners.get(r.nextInt(owners.size())), operators.get(r.nextInt(operators.size())),
          new ShardCommitment(Bytes32.ofUnsigned(id), 4096, 4096), 4, BigInteger.valueOf(1 + r.nextInt(1000)),
          first, last));
    }
    return deals;
  }

  /** The verifiers' reports of an epoch: each sometimes offline, the third sometimes lying. */
  private static List<SignedReport> reports(Random r, long epoch, List<Deal> deals) {
    Map<Long, AuditOutcome> truth = new HashMap<>();
    for (Deal d : deals) {
      if (d.covers(epoch)) {
        int x = r.nextInt(10);
        truth.put(d.id(), x < 7 ? AuditOutcome.PASS : x < 9 ? AuditOutcome.UNREACHABLE : AuditOutcome.FAIL);
      }
    }
    List<SignedReport> out = new ArrayList<>();
    for (int v = 0; v < KEYS.size(); v++) {
      if (r.nextInt(6) == 0) {
        continue;
      }
      List<DealResult> results = new ArrayList<>();
      for (Deal d : deals) {
        if (truth.containsKey(d.id())) {
          boolean lie = v == 2 && r.nextInt(3) == 0;
          results.add(new DealResult(d.id(), lie ? AuditOutcome.values()[r.nextInt(3)] : truth.get(d.id())));
        }
      }
      AuditReport report = AuditResults.report(epoch, results);
      out.add(new SignedReport(report, DOMAIN.sign(report, KEYS.get(v)), results));
    }
    return out;
  }

  private static List<Address> accounts(Random r, int n) {
    return RandomAccounts.addresses(r, n);
  }
}
