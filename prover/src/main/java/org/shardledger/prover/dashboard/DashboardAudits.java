package org.shardledger.prover.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code dashboard_audits()}: each verifier's latest audits of this operator with their reasons and its
 * reputation with the changes behind it, read by the node from the verifiers the ledger names (at most
 * {@value #MAX_VERIFIERS}).
 */
public final class DashboardAudits implements RpcMethod {
  static final int MAX_VERIFIERS = 8;
  static final int RESULTS = 50;

  private final Address operator;
  private final LedgerReads ledger;
  private final Function<URI, VerifierReads> verifierAt;

  public DashboardAudits(Address operator, LedgerReads ledger, Function<URI, VerifierReads> verifierAt) {
    this.operator = operator;
    this.ledger = ledger;
    this.verifierAt = verifierAt;
  }

  @Override
  public String name() {
    return MethodName.DASHBOARD_AUDITS.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("account", operator.toChecksumHex());
    List<URI> urls;
    try {
      urls = ledger.verifiers();
    } catch (Exception e) {
      out.put("error", "the ledger did not name its verifiers: " + e.getMessage());
      urls = List.of();
    }
    ArrayNode list = out.putArray("verifiers");
    for (VerifierReads v : urls.stream().limit(MAX_VERIFIERS).map(verifierAt).toList()) {
      ObjectNode one = list.addObject().put("verifier", v.name());
      Sections.put(one, "results", () -> v.results(operator, RESULTS));
      Sections.put(one, "reputation", () -> v.reputation(operator));
    }
    return out;
  }
}
