package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.protocol.settlement.Slash;

/**
 * A settlement (v2) with its slashes and terminations as JSON (docs/rpc.md, "Settlement"):
 * <pre>{"fromEpoch":"0x3","epoch":"0x5","payoutRoot":"0x…","cumulativeTotal":"0x…","slashesHash":"0x…",
 *  "terminationsHash":"0x…","slashes":[{"operator":"0x…","amount":"0x…"}],"terminations":["0x7"]}</pre>
 * Decoding checks that {@code slashesHash} is the hash of {@code slashes} and {@code terminationsHash} the hash
 * of {@code terminations}.
 */
public final class SettlementJson {
  /** One slash per operator; more than this many operators slashed at once is not a request we take. */
  public static final int MAX_SLASHES = 1 << 16;
  /** Deals terminated by one settlement; more is not a request we take. */
  public static final int MAX_TERMINATIONS = 1 << 16;

  private SettlementJson() {}

  public static ObjectNode encode(SettlementWithSlashes s) {
    ObjectNode node = encode(s.settlement());
    node.set("slashes", slashes(s.slashes()));
    ArrayNode terminations = node.putArray("terminations");
    s.terminations().forEach(id -> terminations.add(Hex.quantity(id)));
    return node;
  }

  /** The settlement alone (what verifiers sign). */
  public static ObjectNode encode(Settlement s) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("fromEpoch", Hex.quantity(s.fromEpoch()));
    node.put("epoch", Hex.quantity(s.epoch()));
    node.put("payoutRoot", s.payoutRoot().toHex());
    node.put("cumulativeTotal", Hex.quantity(s.cumulativeTotal()));
    node.put("slashesHash", s.slashesHash().toHex());
    node.put("terminationsHash", s.terminationsHash().toHex());
    return node;
  }

  public static ArrayNode slashes(List<Slash> slashes) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Slash slash : slashes) {
      array.addObject().put("operator", slash.operator().toString()).put("amount", Hex.quantity(slash.amount()));
    }
    return array;
  }

  public static Decoded<SettlementWithSlashes> decode(JsonNode node) {
    return Decoded.of(SettlementJson::read, node);
  }

  static SettlementWithSlashes read(JsonReader in) {
    Settlement settlement = in.read(() -> new Settlement(in.field("fromEpoch").quantity(),
        in.field("epoch").quantity(), in.field("payoutRoot").bytes32(), in.field("cumulativeTotal").bigQuantity(),
        in.field("slashesHash").bytes32(), in.field("terminationsHash").bytes32()));
    List<Slash> slashes = in.field("slashes").list(MAX_SLASHES, s -> s.read(() ->
        new Slash(s.field("operator").address(), s.field("amount").bigQuantity())));
    List<Long> terminations = in.field("terminations").list(MAX_TERMINATIONS, t -> t.quantity());
    return in.read(() -> new SettlementWithSlashes(settlement, slashes, terminations));
  }
}
