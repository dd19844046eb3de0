package org.shardledger.ledger.rpc;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.MirrorSettlementChain;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.chainstore.settlement.SettlementTx;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.EventOrigin;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.ledger.LedgerStatusLog;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.reports.ReportInbox;
import org.shardledger.ledger.settlement.LedgerStores;
import org.shardledger.ledger.onchain.ClaimsFollower;
import org.shardledger.ledger.store.H2LedgerStores;
import org.shardledger.ledger.settlement.PendingSettlement;
import org.shardledger.protocol.aggregation.Aggregator;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.rpc.RpcDispatcher;

/**
 * A ledger in a fixed, known state for the golden JSON-RPC tests: two operators and two deals mirrored from
 * synthetic chain events, three verifiers (the third lies in epoch 1), epochs 0..1 settled with one failure and a
 * slash, epoch 2 pending. Everything is derived from fixed keys, so every answer is the same on every run.
 */
final class GoldenLedger implements AutoCloseable {
  static final Deployment DEPLOYMENT = new Deployment(31337,
      Address.fromHex("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"),
      Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
      Address.fromHex("0xa16E02E87b7454126E5E10d957A927A7F5B5d2be"),
      Address.fromHex("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"), 1, 1, 10);
  static final List<KeyPair> VERIFIERS = List.of(key(0x7001), key(0x7002), key(0x7003));
  static final KeyPair OPERATOR_A = key(0xa1);
  static final KeyPair OPERATOR_B = key(0xb1);
  static final KeyPair OWNER = key(0xc1);
  static final KeyPair STRANGER = key(0xdead);
  static final BigInteger STAKE = BigInteger.valueOf(5_000);
  static final VerifierSet SET = new VerifierSet(Set.of(VERIFIERS.get(0).address(), VERIFIERS.get(1).address(),
      VERIFIERS.get(2).address()), 2);
  static final Deal DEAL_A = new Deal(1, OWNER.address(), OPERATOR_A.address(),
      new ShardCommitment(Bytes32.ofUnsigned(0xaaaa), 8192, 4096), 4, BigInteger.valueOf(100), 0, 3);
  static final Deal DEAL_B = new Deal(2, OWNER.address(), OPERATOR_B.address(),
      new ShardCommitment(Bytes32.ofUnsigned(0xbbbb), 4096, 4096), 4, BigInteger.valueOf(40), 0, 5);

  final Database db;
  final RpcDispatcher dispatcher;
  final ConfirmedView confirmed;
  final ClaimsFollower follower;
  final ChainMirror mirror;
  final LedgerStores stores;

  static KeyPair key(long k) {
    return KeyPair.fromPrivateKey(BigInteger.valueOf(k));
  }

  static SignedReport report(int v, long epoch, AuditOutcome a, AuditOutcome b) {
    List<DealResult> results = List.of(new DealResult(1, a), new DealResult(2, b));
    AuditReport report = AuditResults.report(epoch, results);
    return new SignedReport(report, DEPLOYMENT.domain().sign(report, VERIFIERS.get(v)), results);
  }

  GoldenLedger(Path dir) throws Exception {
    db = Database.open(dir, "ledger");
    stores = H2LedgerStores.open(db);
    mirror = new ChainMirror(db);
    mirror.onConfirmed(events(), new FollowerCursor(60, Bytes32.ofUnsigned(60)));
    MirrorSettlementChain view = new MirrorSettlementChain(mirror, DEPLOYMENT, (op, block) -> STAKE);
    LedgerStatusLog status = new LedgerStatusLog();
    java.util.concurrent.atomic.AtomicLong open = new java.util.concurrent.atomic.AtomicLong();
    ReportInbox inbox = new ReportInbox(stores.reports(), view, new Aggregator(DEPLOYMENT.domain()), open::get,
        () -> 5, status);
    List<EpochAudits> audits = new ArrayList<>();
    for (long e = 0; e <= 1; e++) {
      List<SignedReport> reports = new ArrayList<>();
      for (int v = 0; v < 3; v++) {
        SignedReport r = report(v, e, v == 2 && e == 1 ? AuditOutcome.FAIL : AuditOutcome.PASS,
            e == 1 ? AuditOutcome.FAIL : AuditOutcome.UNREACHABLE);
        inbox.submit(r);
        reports.add(r);
      }
      audits.add(EpochAudits.of(e, reports));
    }
    List<DealResult> forged = List.of(new DealResult(1, AuditOutcome.FAIL));
    AuditReport forgedReport = AuditResults.report(1, forged);
    inbox.submit(new SignedReport(forgedReport, DEPLOYMENT.domain().sign(forgedReport, STRANGER), forged));

    SettlementRules rules = new SettlementRules(SettlementConfig.DEFAULT, DEPLOYMENT.domain());
    Map<Address, BigInteger> stakes = Map.of(OPERATOR_A.address(), STAKE, OPERATOR_B.address(), STAKE);
    SettlementState genesis = SettlementState.genesis();
    SettlementResult result = rules.settle(genesis, new SettlementInput(1, List.of(DEAL_A, DEAL_B), stakes, SET,
        audits));
    Map<Long, Deal> deals = new HashMap<>(Map.of(1L, DEAL_A, 2L, DEAL_B));
    stores.records().record(result, deals);
    Map<Address, Signature> signatures = new HashMap<>();
    for (int v = 0; v < 2; v++) {
      signatures.put(VERIFIERS.get(v).address(), DEPLOYMENT.domain().sign(result.settlement(), VERIFIERS.get(v)));
    }
    stores.settlements().record(new SettledEpoch(0, result.settlement(), result.slashes(), result.terminations(), result.held(),
        result.payoutTree().size(), signatures, Optional.of(new SettlementTx(Bytes32.ofUnsigned(0x7777), 25))),
        genesis, result.state());

    open.set(2);
    SettlementResult next = rules.settle(result.state(), new SettlementInput(2, List.of(DEAL_A, DEAL_B), stakes, SET,
        List.of(EpochAudits.of(2, List.of()))));
    PendingSettlement pending = new PendingSettlement(new SettlementStep(40, stakes, SET,
        List.of(EpochAudits.of(2, List.of())), new SettlementWithSlashes(next.settlement(), next.slashes(), next.terminations())),
        PendingSettlement.Status.COLLECTING, Map.of(VERIFIERS.get(0).address(),
        DEPLOYMENT.domain().sign(next.settlement(), VERIFIERS.get(0))), Optional.empty());
    EpochStatus epochs = new EpochStatus() {
      @Override
      public long headBlock() {
        return 42;
      }

      @Override
      public long confirmedBlock() {
        return 40;
      }

      @Override
      public Optional<PendingSettlement> pending() {
        return Optional.of(pending);
      }
    };
    confirmed = ClaimsFollower.open(stores.settlements(), mirror);
    follower = new ClaimsFollower(mirror, confirmed);
    follower.onConfirmed(List.of(new ChainEvent.Claimed(new EventOrigin(61, Bytes32.ofUnsigned(61),
        Bytes32.ofUnsigned(0x1061), 0), OPERATOR_A.address(), BigInteger.valueOf(100), BigInteger.valueOf(100))),
        new FollowerCursor(61, Bytes32.ofUnsigned(61)));
    dispatcher = LedgerRpc.dispatcher(new LedgerRpc.Sources(DEPLOYMENT, epochs, stores.settlements(), confirmed, mirror,
        stores.records(), stores.reports(), inbox,
        List.of(URI.create("http://127.0.0.1:8601"), URI.create("http://127.0.0.1:8602"))));
  }

  private static List<ChainEvent> events() {
    List<ChainEvent> out = new ArrayList<>();
    long[] block = {1};
    java.util.function.Supplier<EventOrigin> at = () -> {
      long b = block[0]++;
      return new EventOrigin(b, Bytes32.ofUnsigned(b), Bytes32.ofUnsigned(0x1000 + b), 0);
    };
    for (KeyPair v : VERIFIERS) {
      out.add(new ChainEvent.VerifierAdded(at.get(), v.address()));
    }
    out.add(new ChainEvent.VerifierSetChanged(at.get(), 2, 3));
    out.add(new ChainEvent.OperatorRegistered(at.get(), OPERATOR_A.address(), "10.0.0.1:7000", "eu-west", 1L << 40,
        STAKE));
    out.add(new ChainEvent.OperatorRegistered(at.get(), OPERATOR_B.address(), "10.0.0.2:7000", "us-east", 1L << 30,
        STAKE));
    for (Deal d : List.of(DEAL_A, DEAL_B)) {
      out.add(new ChainEvent.DealProposed(at.get(), d));
      out.add(new ChainEvent.DealActivated(at.get(), d.id(), d.operator(), d.totalPrice()));
    }
    for (long e = 0; e <= 3; e++) {
      out.add(new ChainEvent.BeaconRecorded(at.get(), e, DEPLOYMENT.epochStartBlock(e), Bytes32.ofUnsigned(0xbe + e)));
    }
    return out;
  }

  @Override
  public void close() {
    db.close();
  }
}
