package org.shardledger.rpc;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every JSON-RPC method name the project answers or calls, in one place: handlers return {@link #wire()} from
 * {@link RpcMethod#name()}, clients pass the constant to {@link RpcClient#call(MethodName, Object...)}. Each name is
 * answered by exactly one class (the "where is it" table in docs/architecture.md lists it, and a test checks it);
 * a role that answers something other roles also answer gets a name of its own.
 */
public enum MethodName {
  // the ledger (docs/rpc.md)
  LEDGER_EPOCH("ledger_epoch"),
  LEDGER_GET_BALANCE("ledger_getBalance"),
  LEDGER_GET_PAYOUTS("ledger_getPayouts"),
  LEDGER_GET_CLAIM_PROOF("ledger_getClaimProof"),
  LEDGER_GET_SETTLEMENT("ledger_getSettlement"),
  AUDIT_SUBMIT_REPORT("audit_submitReport"),
  AUDIT_GET_RESULTS("audit_getResults"),
  AUDIT_GET_REPUTATION("audit_getReputation"),
  OPERATOR_GET("operator_get"),
  DEAL_GET("deal_get"),
  DEAL_FIND_BY_ROOT("deal_findByRoot"),
  // a verifier
  VERIFIER_SIGN_SETTLEMENT("verifier_signSettlement"),
  VERIFIER_GET_AUDIT_RESULTS("verifier_getAuditResults"),
  VERIFIER_GET_REPUTATION("verifier_getReputation"),
  // every role's loopback admin interface
  ADMIN_STATUS("admin_status"),
  // the operator's dashboard, on its admin interface
  DASHBOARD_NODE("dashboard_node"),
  DASHBOARD_EARNINGS("dashboard_earnings"),
  DASHBOARD_AUDITS("dashboard_audits"),
  DASHBOARD_CLAIM("dashboard_claim"),
  // the devnet's network view
  NETWORK_VIEW("network_view");

  private final String wire;

  MethodName(String wire) {
    this.wire = wire;
  }

  /** The name as it travels in a request's {@code method}. */
  public String wire() {
    return wire;
  }

  /** The constant a name on the wire stands for, if it is one of ours. */
  public static Optional<MethodName> of(String wire) {
    return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
  }

  @Override
  public String toString() {
    return wire;
  }
}
