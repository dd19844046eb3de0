package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.deal.Deal;

/** A deal's terms and status as the ledger's deal methods answer them (docs/rpc.md, deal_get). */
final class DealJson {
  private DealJson() {}

  static ObjectNode terms(ChainMirror.MirroredDeal found) {
    Deal d = found.deal();
    return JsonOut.object().put("id", Hex.quantity(d.id())).put("owner", d.owner().toString())
        .put("operator", d.operator().toString()).put("root", d.commitment().root().toHex())
        .put("size", Hex.quantity(d.commitment().size())).put("segmentSize", Hex.quantity(d.commitment().segmentSize()))
        .put("samples", Hex.quantity(d.samples())).put("pricePerEpoch", Hex.quantity(d.pricePerEpoch()))
        .put("firstEpoch", Hex.quantity(d.firstEpoch())).put("lastEpoch", Hex.quantity(d.lastEpoch()))
        .put("status", found.status().name());
  }
}
