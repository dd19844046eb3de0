package org.shardledger.prover.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.dispute.OpenDisputes;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StoredShard;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code dashboard_node()}: what the node knows about itself — its stored shards (at most {@value #MAX_SHARDS}
 * listed, all counted) and capacity, the disputes it is handling and their deadlines, its gas funds and lag, and
 * what needs attention ({@link Attention}).
 */
public final class DashboardNode implements RpcMethod {
  static final int MAX_SHARDS = 500;

  private final Address operator;
  private final ShardStore store;
  private final OpenDisputes disputes;
  private final NodeHealth health;
  private final Attention attention;

  public DashboardNode(Address operator, ShardStore store, OpenDisputes disputes, NodeHealth health,
      Attention attention) {
    this.operator = operator;
    this.store = store;
    this.disputes = disputes;
    this.health = health;
    this.attention = attention;
  }

  @Override
  public String name() {
    return MethodName.DASHBOARD_NODE.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws IOException {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("account", operator.toChecksumHex());
    List<StoredShard> shards = store.shards().stream().sorted(Comparator.comparingLong(StoredShard::dealId)).toList();
    out.put("shardCount", Hex.quantity(shards.size())).put("usedBytes", Hex.quantity(store.usedBytes()))
        .put("capacityBytes", Hex.quantity(store.capacityBytes()));
    ArrayNode list = out.putArray("shards");
    for (StoredShard s : shards.subList(0, Math.min(MAX_SHARDS, shards.size()))) {
      list.addObject().put("dealId", Hex.quantity(s.dealId())).put("root", s.commitment().root().toHex())
          .put("size", Hex.quantity(s.commitment().size())).put("corrupt", s.corrupt());
    }
    List<OpenDisputes.OpenDispute> open = disputes.openDisputes();
    ArrayNode d = out.putArray("disputes");
    for (OpenDisputes.OpenDispute o : open) {
      d.addObject().put("disputeId", Hex.quantity(o.disputeId())).put("dealId", Hex.quantity(o.dealId()))
          .put("deadlineBlock", Hex.quantity(o.deadlineBlock())).put("stage", o.stage().name())
          .put("behind", o.behind());
    }
    BigInteger gas = health.gasBalance();
    out.putObject("chain").put("headBlock", health.headBlock()).put("lagBlocks", health.lagBlocks())
        .put("gasBalance", Hex.quantity(gas));
    ArrayNode concerns = out.putArray("attention");
    for (Attention.Concern c : attention.concerns(shards, store.unreadable(), open, gas, health.lagBlocks(),
        store.usedBytes(), store.capacityBytes())) {
      concerns.addObject().put("kind", c.kind().name()).put("message", c.message());
    }
    return out;
  }
}
