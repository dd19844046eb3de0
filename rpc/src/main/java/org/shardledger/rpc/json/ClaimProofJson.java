package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.payout.ClaimProof;

/**
 * {@code {"account":"0x…","epoch":"0x5","payoutRoot":"0x…","cumulativeAmount":"0x…","proof":["0x…"],
 * "asOfBlock":"0x…"}}, the answer of {@code ledger_getClaimProof} (docs/rpc.md). A decoded proof is only what the
 * ledger said: the contract checks it against the settled root, so a lying ledger can only make a claim fail. At
 * most {@value #MAX_PROOF} hashes are read (a tree of 2^64 accounts).
 */
public final class ClaimProofJson {
  public static final int MAX_PROOF = 64;

  private ClaimProofJson() {}

  public static ObjectNode encode(ClaimProof p) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("account", p.account().toString())
        .put("epoch", Hex.quantity(p.epoch())).put("payoutRoot", p.payoutRoot().toHex())
        .put("cumulativeAmount", Hex.quantity(p.cumulativeAmount()));
    ArrayNode proof = out.putArray("proof");
    p.proof().forEach(h -> proof.add(h.toHex()));
    return out.put("asOfBlock", Hex.quantity(Math.max(0, p.asOfBlock())));
  }

  public static Decoded<ClaimProof> decode(JsonNode node) {
    return Decoded.of(in -> new ClaimProof(in.field("account").address(), in.field("epoch").quantity(),
        in.field("payoutRoot").bytes32(), in.field("cumulativeAmount").bigQuantity(),
        in.field("proof").list(MAX_PROOF, JsonReader::bytes32), in.field("asOfBlock").quantity()), node);
  }
}
