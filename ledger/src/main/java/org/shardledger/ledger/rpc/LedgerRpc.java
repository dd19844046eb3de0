package org.shardledger.ledger.rpc;

import java.net.URI;
import java.util.List;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.records.LedgerRecords;
import org.shardledger.ledger.reports.ReportInbox;
import org.shardledger.ledger.reports.ReceivedReports;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcMetrics;

/** The ledger's JSON-RPC methods, one registry per namespace (docs/rpc.md). */
public final class LedgerRpc {
  private LedgerRpc() {}

  /** What the methods read. */
  public record Sources(Deployment deployment, EpochStatus status, SettlementStore settlements, ConfirmedView view,
      ChainMirror mirror, LedgerRecords records, ReceivedReports reports, ReportInbox inbox,
      List<URI> verifiers) {}

  /** {@code ledger_*}: epochs, balances, payouts, claim proofs, settlements. */
  public static List<RpcMethod> ledger(Sources s) {
    return List.of(new LedgerEpoch(s.deployment(), s.status(), s.settlements()),
        new LedgerGetBalance(s.view()), new LedgerGetPayouts(s.settlements()),
        new LedgerGetClaimProof(s.view()), new LedgerGetSettlement(s.settlements()));
  }

  /** {@code audit_*}: results, reports, reputation (at the verifiers). */
  public static List<RpcMethod> audit(Sources s) {
    return List.of(new AuditGetResults(s.records(), s.reports()), new AuditSubmitReport(s.inbox()),
        new AuditGetReputation(s.verifiers()));
  }

  /** {@code operator_*}. */
  public static List<RpcMethod> operator(Sources s) {
    return List.of(new OperatorGet(s.mirror(), s.settlements()));
  }

  /** {@code deal_*}. */
  public static List<RpcMethod> deal(Sources s) {
    return List.of(new DealGet(s.mirror(), s.settlements()), new DealFindByRoot(s.mirror()));
  }

  /** A dispatcher with every namespace. */
  public static RpcDispatcher dispatcher(Sources s) {
    return dispatcher(s, RpcMetrics.NONE);
  }

  /** A dispatcher with every namespace, each method's answers counted by {@code metrics}. */
  public static RpcDispatcher dispatcher(Sources s, RpcMetrics metrics) {
    RpcDispatcher d = new RpcDispatcher();
    for (List<RpcMethod> namespace : List.of(ledger(s), audit(s), operator(s), deal(s))) {
      d.register(RpcMetrics.observe(namespace, metrics).toArray(RpcMethod[]::new));
    }
    return d;
  }
}
