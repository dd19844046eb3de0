package org.shardledger.verifier.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.verifier.store.AuditRecord;
import org.shardledger.verifier.store.AuditStore;

/**
 * {@code verifier_getAuditResults(filter)}: this verifier's results with their reasons. The filter object may name
 * {@code epoch}, {@code operator}, {@code dealId} and {@code limit} (default 100); newest first.
 */
public final class VerifierGetAuditResults implements RpcMethod {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AuditStore audits;

  public VerifierGetAuditResults(AuditStore audits) {
    this.audits = audits;
  }

  @Override
  public String name() {
    return MethodName.VERIFIER_GET_AUDIT_RESULTS.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    JsonNode filter = params.optional(0).orElse(JSON.createObjectNode());
    if (!filter.isObject()) {
      throw new RpcException(RpcError.INVALID_PARAMS, "the filter is an object: {epoch, operator, dealId, limit}");
    }
    Long epoch = filter.has("epoch") ? Hex.parseLongQuantity(filter.get("epoch").asText()) : null;
    Address operator = filter.has("operator") ? Address.fromHex(filter.get("operator").asText()) : null;
    Long dealId = filter.has("dealId") ? Hex.parseLongQuantity(filter.get("dealId").asText()) : null;
    int limit = filter.has("limit") ? (int) Hex.parseLongQuantity(filter.get("limit").asText()) : 100;
    ArrayNode out = JSON.createArrayNode();
    for (AuditRecord r : audits.find(epoch, operator, dealId, limit)) {
      var node = out.addObject().put("epoch", Hex.quantity(r.epoch())).put("dealId", Hex.quantity(r.dealId()))
          .put("operator", r.operator().toChecksumHex()).put("outcome", r.outcome().name()).put("reason", r.reason())
          .put("detail", r.detail()).put("attempts", Hex.quantity(r.attempts()))
          .put("latencyMs", Hex.quantity(r.latencyMillis()));
      node.put("proofHash", r.proofHash());
      node.put("operatorSignature", r.operatorSignature());
    }
    return out;
  }
}
