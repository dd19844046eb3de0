package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.DealState;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code deal_get(id)}: the deal's terms and status as the confirmed chain has them, and where its settlement
 * stands: the next epoch to settle, the epochs held, the failures, whether it ended early ({@code null} before its
 * first settlement).
 */
final class DealGet implements RpcMethod {
  private final ChainMirror mirror;
  private final SettlementStore store;

  DealGet(ChainMirror mirror, SettlementStore store) {
    this.mirror = mirror;
    this.store = store;
  }

  @Override
  public String name() {
    return MethodName.DEAL_GET.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    long id = params.quantity(0);
    ChainMirror.MirroredDeal found = mirror.deal(id).orElseThrow(() -> new RpcException(RpcError.NOT_FOUND,
        "no deal " + id));
    Deal d = found.deal();
    ObjectNode out = DealJson.terms(found);
    SettlementState state = store.current();
    Optional<DealState> settling = state.deal(id);
    if (settling.isPresent()) {
      DealState s = settling.get();
      out.putObject("settlement").put("nextEpoch", Hex.quantity(s.nextEpoch()))
          .put("heldEpochs", Hex.quantity(s.heldEpochs())).put("fails", Hex.quantity(s.fails()))
          .put("terminated", s.terminated()).put("closed", s.closed());
    } else if (d.lastEpoch() < state.nextEpoch() && state.nextEpoch() > 0) {
      out.putObject("settlement").put("nextEpoch", Hex.quantity(d.lastEpoch() + 1)).put("closed", true);
    } else {
      out.putNull("settlement");
    }
    return out;
  }
}
