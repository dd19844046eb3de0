package org.shardledger.prover.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.dispute.OpenDisputes;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.admin.AdminPages;

/**
 * The operator's dashboard: its page (three files in this jar, served beside the admin interface) and the
 * {@code dashboard_*} methods the page calls there. The node reads the ledger and the verifiers for the page, so the
 * page talks to nothing but its own origin; the claim is sent with the node's key.
 */
public final class Dashboard {
  private Dashboard() {}

  /** The page's files. */
  public static AdminPages pages() {
    return new AdminPages(Dashboard.class, List.of(
        new AdminPages.Asset("/", "index.html", "text/html; charset=utf-8"),
        new AdminPages.Asset("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
        new AdminPages.Asset("/dashboard.css", "dashboard.css", "text/css; charset=utf-8")));
  }

  /**
   * The methods: {@code dashboard_node} always; with a ledger also {@code dashboard_earnings},
   * {@code dashboard_audits} (verifiers reached with {@code verifierAt}) and {@code dashboard_claim}.
   */
  public static List<RpcMethod> methods(Address operator, ShardStore store, OpenDisputes disputes,
      NodeHealth health, Optional<LedgerReads> ledger, Function<URI, VerifierReads> verifierAt, ClaimSender claims) {
    List<RpcMethod> out = new ArrayList<>();
    out.add(new DashboardNode(operator, store, disputes, health, new Attention(Attention.Limits.defaults())));
    ledger.ifPresent(l -> {
      out.add(new DashboardEarnings(operator, l));
      out.add(new DashboardAudits(operator, l, verifierAt));
      out.add(new DashboardClaim(operator, l, claims));
    });
    return out;
  }
}
