package org.shardledger.verifier.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.verifier.reputation.OperatorReputation;
import org.shardledger.verifier.reputation.ReputationModel;
import org.shardledger.verifier.store.AuditStore;

/**
 * {@code verifier_getReputation(operator)}: the operator's scores and standing with this verifier, and the latest
 * changes with the audit behind each one — so a score never moves without a reason the operator can read.
 */
public final class VerifierGetReputation implements RpcMethod {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AuditStore audits;
  private final ReputationModel model;

  public VerifierGetReputation(AuditStore audits, ReputationModel model) {
    this.audits = audits;
    this.model = model;
  }

  @Override
  public String name() {
    return MethodName.VERIFIER_GET_REPUTATION.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    Address operator = params.address(0);
    OperatorReputation r = audits.reputation(operator);
    ObjectNode out = JSON.createObjectNode().put("operator", operator.toChecksumHex())
        .put("auditScore", r.audit().score()).put("onlineScore", r.online().score())
        .put("standing", r.standing(model).name()).put("passes", Hex.quantity(r.passes()))
        .put("fails", Hex.quantity(r.fails())).put("unreachable", Hex.quantity(r.unreachable()));
    out.putObject("model").put("auditLambda", model.auditLambda()).put("disqualifyAtOrBelow",
        model.disqualifyAtOrBelow()).put("onlineLambda", model.onlineLambda()).put("suspendBelow",
        model.suspendBelow()).put("vettingAudits", model.vettingAudits());
    ArrayNode changes = out.putArray("changes");
    for (AuditStore.StoredChange c : audits.reputationHistory(operator, 50)) {
      changes.addObject().put("epoch", Hex.quantity(c.epoch())).put("dealId", Hex.quantity(c.dealId()))
          .put("outcome", c.outcome().name()).put("reason", c.reason()).put("auditBefore", c.auditBefore())
          .put("auditAfter", c.auditAfter()).put("onlineBefore", c.onlineBefore()).put("onlineAfter",
          c.onlineAfter()).put("standing", c.standingAfter()).put("at", c.at().toString());
    }
    return out;
  }
}
