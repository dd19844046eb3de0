package org.shardledger.ledger.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.settlement.DealEvent;

/** What happened to a deal's money in an epoch, as JSON (docs/rpc.md, "events"). */
public final class EventJson {
  private EventJson() {}

  public static ArrayNode encode(List<DealEvent> events) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (DealEvent event : events) {
      ObjectNode e = out.addObject();
      switch (event) {
        case DealEvent.Paid p -> e.put("type", "PAID").put("account", p.operator().toString())
            .put("amount", Hex.quantity(p.amount()));
        case DealEvent.Held h -> e.put("type", "HELD").put("amount", Hex.quantity(h.amount()))
            .put("epochsInARow", Hex.quantity(h.epochsInARow()));
        case DealEvent.Released r -> e.put("type", "RELEASED").put("account", r.operator().toString())
            .put("amount", Hex.quantity(r.amount())).put("epochs", Hex.quantity(r.epochs()));
        case DealEvent.Failed f -> e.put("type", "FAILED").put("cause", f.cause().name())
            .put("account", f.owner().toString()).put("amount", Hex.quantity(f.refund()))
            .put("operator", f.operator().toString()).put("slashDue", Hex.quantity(f.slashDue()))
            .put("slashed", Hex.quantity(f.slashed())).put("failsSoFar", Hex.quantity(f.failsSoFar()));
        case DealEvent.HeldRefunded r -> e.put("type", "HELD_REFUNDED").put("cause", r.cause().name())
            .put("account", r.owner().toString()).put("amount", Hex.quantity(r.amount()))
            .put("epochs", Hex.quantity(r.epochs()));
        case DealEvent.Terminated t -> e.put("type", "TERMINATED").put("account", t.owner().toString())
            .put("amount", Hex.quantity(t.refund())).put("epochs", Hex.quantity(t.epochs()));
        case DealEvent.EndedByOwner t -> e.put("type", "ENDED_BY_OWNER").put("account", t.owner().toString())
            .put("amount", Hex.quantity(t.refund())).put("epochs", Hex.quantity(t.epochs()))
            .put("endEpoch", Hex.quantity(t.endEpoch()));
      }
    }
    return out;
  }
}
