package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.ledger.claims.Balance;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code ledger_getBalance(account)}: the account's cumulative credit as of the latest settlement (what the payout
 * tree says), what it has claimed on chain as of the confirmed block {@code asOfBlock}, and the difference it can
 * still claim. Answered from the ledger's {@link ConfirmedView}, never from the chain.
 */
final class LedgerGetBalance implements RpcMethod {
  private final ConfirmedView view;

  LedgerGetBalance(ConfirmedView view) {
    this.view = view;
  }

  @Override
  public String name() {
    return MethodName.LEDGER_GET_BALANCE.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException {
    Balance b = view.balance(params.address(0));
    ObjectNode out = JsonOut.object().put("account", b.account().toString());
    if (b.epoch().isPresent()) {
      out.put("epoch", Hex.quantity(b.epoch().getAsLong()));
    } else {
      out.putNull("epoch");
    }
    return out.put("cumulative", Hex.quantity(b.cumulative())).put("claimed", Hex.quantity(b.claimed()))
        .put("claimable", Hex.quantity(b.claimable())).put("asOfBlock", Hex.quantity(Math.max(0, b.asOfBlock())));
  }
}
