package org.shardledger.prover.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.dashboard.VerifierReads;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcException;

/** The dashboard's reads from one verifier's JSON-RPC, each answer capped as the ledger's are. */
public final class RpcVerifierReads implements VerifierReads {
  private final RpcClient client;

  public RpcVerifierReads(URI verifier) {
    this.client = RpcLedgerReads.client(verifier);
  }

  @Override
  public String name() {
    return client.url().toString();
  }

  @Override
  public JsonNode results(Address operator, int limit) throws IOException, RpcException {
    return client.call(MethodName.VERIFIER_GET_AUDIT_RESULTS, JsonNodeFactory.instance.objectNode().put("operator",
        operator.toHex())
        .put("limit", Hex.quantity(limit)));
  }

  @Override
  public JsonNode reputation(Address operator) throws IOException, RpcException {
    return client.call(MethodName.VERIFIER_GET_REPUTATION, operator.toHex());
  }
}
