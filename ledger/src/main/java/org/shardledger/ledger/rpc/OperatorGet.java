package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code operator_get(address)}: the operator's registration as the confirmed chain has it, its cumulative credit
 * in the latest settlement, and its activated deals.
 */
final class OperatorGet implements RpcMethod {
  private final ChainMirror mirror;
  private final SettlementStore store;

  OperatorGet(ChainMirror mirror, SettlementStore store) {
    this.mirror = mirror;
    this.store = store;
  }

  @Override
  public String name() {
    return MethodName.OPERATOR_GET.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    Address address = params.address(0);
    ChainMirror.MirroredOperator op = mirror.operator(address).orElseThrow(() -> new RpcException(RpcError.NOT_FOUND,
        address + " is not a registered operator"));
    ObjectNode out = JsonOut.object().put("address", address.toString()).put("endpoint", op.endpoint())
        .put("region", op.region()).put("capacity", Hex.quantity(op.capacity())).put("stake", Hex.quantity(op.stake()))
        .put("exiting", op.exiting()).put("cumulative", Hex.quantity(store.current().cumulativeOf(address)));
    ArrayNode deals = out.putArray("deals");
    for (ChainMirror.MirroredDeal d : mirror.activatedDeals()) {
      if (d.deal().operator().equals(address)) {
        deals.add(Hex.quantity(d.deal().id()));
      }
    }
    return out;
  }
}
