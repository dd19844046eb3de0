package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.json.SettlementJson;

/**
 * {@code ledger_getSettlement(epoch)}: the settlement that covers the epoch (one settlement covers several epochs
 * after a gap): what was signed, the slashes, the escrow still held, the signers and the transaction.
 */
final class LedgerGetSettlement implements RpcMethod {
  private final SettlementStore store;

  LedgerGetSettlement(SettlementStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return MethodName.LEDGER_GET_SETTLEMENT.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    long epoch = params.quantity(0);
    SettledEpoch s = store.covering(epoch).orElseThrow(() -> new RpcException(RpcError.NOT_FOUND,
        "epoch " + epoch + " is not settled"));
    ObjectNode out = SettlementJson.encode(new SettlementWithSlashes(s.settlement(), s.slashes(), s.terminations()));
    out.put("fromEpoch", Hex.quantity(s.fromEpoch())).put("held", Hex.quantity(s.held()))
        .put("accounts", Hex.quantity(s.accounts()));
    out.set("signers", JsonOut.addresses(s.signatures().keySet()));
    if (s.tx().isPresent()) {
      out.put("transactionHash", s.tx().get().hash().toHex()).put("blockNumber", Hex.quantity(s.tx().get().block()));
    } else {
      out.putNull("transactionHash").putNull("blockNumber");
    }
    return out;
  }
}
