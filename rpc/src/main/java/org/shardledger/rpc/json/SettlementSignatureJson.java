package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.settlement.SettlementSignature;

/** {@code {"epoch":"0x5","signer":"0x…","signature":"0x…"}} (docs/rpc.md). */
public final class SettlementSignatureJson {
  private SettlementSignatureJson() {}

  public static ObjectNode encode(SettlementSignature s) {
    return JsonNodeFactory.instance.objectNode().put("epoch", Hex.quantity(s.epoch()))
        .put("signer", s.signer().toString()).put("signature", s.signature().toHex());
  }

  public static Decoded<SettlementSignature> decode(JsonNode node) {
    return Decoded.of(in -> new SettlementSignature(in.field("epoch").quantity(), in.field("signer").address(),
        in.field("signature").signature()), node);
  }
}
