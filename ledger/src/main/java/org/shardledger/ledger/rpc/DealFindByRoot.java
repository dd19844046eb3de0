package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code deal_findByRoot(root, status?, afterId?)}: the deals of the shard with this root as the confirmed chain has
 * them (ACTIVE by default), by id, at most {@link #PAGE} a call, with {@code next} to ask for the rest. Anyone may
 * propose deals naming any root, so a page is bounded and the caller pages on: a flood of proposals never makes an
 * answer large.
 */
final class DealFindByRoot implements RpcMethod {
  static final int PAGE = 100;
  private final ChainMirror mirror;

  DealFindByRoot(ChainMirror mirror) {
    this.mirror = mirror;
  }

  @Override
  public String name() {
    return MethodName.DEAL_FIND_BY_ROOT.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    Bytes32 root = params.bytes32(0);
    DealStatus status = params.optional(1).isPresent() ? status(params.raw(1)) : DealStatus.ACTIVE;
    long afterId = params.optional(2).isPresent() ? params.quantity(2) : 0;
    List<ChainMirror.MirroredDeal> page = mirror.dealsByRoot(root, status, afterId, PAGE + 1);
    ObjectNode out = JsonOut.object();
    ArrayNode deals = out.putArray("deals");
    page.stream().limit(PAGE).forEach(d -> deals.add(DealJson.terms(d)));
    if (page.size() > PAGE) {
      out.put("next", Hex.quantity(page.get(PAGE - 1).deal().id()));
    } else {
      out.putNull("next");
    }
    return out;
  }

  private static DealStatus status(JsonNode node) throws RpcException {
    try {
      if (node.isTextual()) {
        return DealStatus.valueOf(node.asText().toUpperCase(Locale.ROOT));
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new RpcException(RpcError.INVALID_PARAMS, "parameter 1 must be one of PROPOSED, ACTIVE, CANCELLED, ENDED, "
        + "got " + node);
  }
}
