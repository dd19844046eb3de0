package org.shardledger.prover.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code dashboard_earnings()}: where settlement stands, this operator's balance (earned, claimed, claimable) and
 * its payouts of the last {@value #EPOCHS} epochs, read from the ledger by the node.
 */
public final class DashboardEarnings implements RpcMethod {
  static final int EPOCHS = 64;

  private final Address operator;
  private final LedgerReads ledger;

  public DashboardEarnings(Address operator, LedgerReads ledger) {
    this.operator = operator;
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return MethodName.DASHBOARD_EARNINGS.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("account", operator.toChecksumHex());
    Sections.put(out, "epoch", ledger::epoch);
    long current = currentEpoch(out.get("epoch"));
    out.put("fromEpoch", Hex.quantity(Math.max(0, current - EPOCHS + 1))).put("toEpoch", Hex.quantity(current));
    Sections.put(out, "balance", () -> ledger.balance(operator));
    Sections.put(out, "payouts", () -> ledger.payouts(operator, Math.max(0, current - EPOCHS + 1), current));
    return out;
  }

  /** The ledger's current epoch, or 0 when it did not say. */
  private static long currentEpoch(JsonNode epoch) {
    try {
      return Math.max(0, Hex.parseLongQuantity(epoch.path("currentEpoch").asText()));
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
