package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import org.shardledger.chainstore.settlement.AmountAt;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code ledger_getPayouts(account, fromEpoch, toEpoch)}: every settlement in the range that credited the account,
 * with the amount it added and the cumulative amount after it.
 */
final class LedgerGetPayouts implements RpcMethod {
  static final long MAX_RANGE = 100_000;
  private final SettlementStore store;

  LedgerGetPayouts(SettlementStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return MethodName.LEDGER_GET_PAYOUTS.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    Address account = params.address(0);
    long from = params.quantity(1);
    long to = params.quantity(2);
    if (to < from || to - from > MAX_RANGE) {
      throw new RpcException(RpcError.INVALID_PARAMS, "need fromEpoch <= toEpoch, at most " + MAX_RANGE
          + " epochs apart; got " + from + ".." + to);
    }
    BigInteger before = from == 0 ? BigInteger.ZERO : store.cumulativeAt(account, from - 1);
    ObjectNode out = JsonOut.object().put("account", account.toString());
    ArrayNode payouts = out.putArray("payouts");
    for (AmountAt change : store.changes(account, from, to)) {
      long settledFrom = store.settled(change.epoch()).map(s -> s.fromEpoch()).orElse(change.epoch());
      payouts.addObject().put("epoch", Hex.quantity(change.epoch())).put("fromEpoch", Hex.quantity(settledFrom))
          .put("amount", Hex.quantity(change.cumulative().subtract(before)))
          .put("cumulative", Hex.quantity(change.cumulative()));
      before = change.cumulative();
    }
    return out;
  }
}
