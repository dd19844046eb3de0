package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code ledger_getBalance(account)}: the account's cumulative credit as of the latest settlement (what the payout
 * tree says), what it has claimed on chain, and the difference it can still claim.
 */
final class LedgerGetBalance implements RpcMethod {
  private final SettlementStore store;
  private final ClaimedReader claims;

  LedgerGetBalance(SettlementStore store, ClaimedReader claims) {
    this.store = store;
    this.claims = claims;
  }

  @Override
  public String name() {
    return "ledger_getBalance";
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    Address account = params.address(0);
    var latest = store.latest();
    BigInteger cumulative = store.current().cumulativeOf(account);
    BigInteger claimed = claims.claimed(account);
    ObjectNode out = Params.object().put("account", account.toString());
    if (latest.isPresent()) {
      out.put("epoch", Hex.quantity(latest.get().epoch()));
    } else {
      out.putNull("epoch");
    }
    return out.put("cumulative", Hex.quantity(cumulative)).put("claimed", Hex.quantity(claimed))
        .put("claimable", Hex.quantity(cumulative.subtract(claimed).max(BigInteger.ZERO)));
  }
}
