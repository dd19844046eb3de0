package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.ledger.settlement.PendingSettlement;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/** {@code ledger_epoch()}: the chain's epoch, what is settled, and the settlement in progress. */
final class LedgerEpoch implements RpcMethod {
  private final Deployment deployment;
  private final EpochStatus status;
  private final SettlementStore store;

  LedgerEpoch(Deployment deployment, EpochStatus status, SettlementStore store) {
    this.deployment = deployment;
    this.status = status;
    this.store = store;
  }

  @Override
  public String name() {
    return MethodName.LEDGER_EPOCH.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws IOException {
    long head = status.headBlock();
    ObjectNode out = JsonOut.object().put("currentEpoch", Hex.quantity(deployment.epochOf(head)))
        .put("headBlock", Hex.quantity(head)).put("confirmedBlock", Hex.quantity(Math.max(0, status.confirmedBlock())))
        .put("nextEpochToSettle", Hex.quantity(store.current().nextEpoch()));
    Optional<SettledEpoch> latest = store.latest();
    if (latest.isPresent()) {
      out.put("lastSettledEpoch", Hex.quantity(latest.get().epoch()));
    } else {
      out.putNull("lastSettledEpoch");
    }
    Optional<PendingSettlement> pending = status.pending();
    if (pending.isPresent()) {
      PendingSettlement p = pending.get();
      out.putObject("pending").put("epoch", Hex.quantity(p.epoch()))
          .put("fromEpoch", Hex.quantity(p.step().fromEpoch())).put("status", p.status().name())
          .put("signatures", Hex.quantity(p.signatures().size()))
          .put("threshold", Hex.quantity(p.step().verifiers().threshold()))
          .put("payoutRoot", p.step().settlement().settlement().payoutRoot().toHex());
    } else {
      out.putNull("pending");
    }
    return out;
  }
}
