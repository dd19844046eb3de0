package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SignSettlementRequest;

/** {@code {"steps":[SettlementStep…]}}: the parameter of {@code verifier_signSettlement} (docs/rpc.md). */
public final class SignSettlementRequestJson {
  public static final int MAX_STEPS = 4096;

  private SignSettlementRequestJson() {}

  public static ObjectNode encode(SignSettlementRequest request) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode steps = node.putArray("steps");
    request.steps().forEach(s -> steps.add(SettlementStepJson.encode(s)));
    return node;
  }

  public static Decoded<SignSettlementRequest> decode(JsonNode node) {
    return Decoded.of(in -> {
      var steps = in.field("steps").list(MAX_STEPS, SettlementStepJson::read);
      return in.read(() -> new SignSettlementRequest(steps));
    }, node);
  }
}
