package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.util.List;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code audit_getReputation(operator)}: the ledger keeps no reputation (each verifier keeps its own, with the
 * reasons behind every change); answers NOT_FOUND with the verifiers to ask in {@code data.verifiers}.
 */
final class AuditGetReputation implements RpcMethod {
  private final List<URI> verifiers;

  AuditGetReputation(List<URI> verifiers) {
    this.verifiers = List.copyOf(verifiers);
  }

  @Override
  public String name() {
    return MethodName.AUDIT_GET_REPUTATION.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException {
    Address operator = params.address(0);
    ArrayNode urls = JsonOut.object().putArray("verifiers");
    verifiers.forEach(u -> urls.add(u.toString()));
    throw new RpcException(RpcError.NOT_FOUND, "the ledger keeps no reputation for " + operator
        + ": ask a verifier (verifier_getReputation on its JSON-RPC)", JsonOut.object().set("verifiers", urls));
  }
}
