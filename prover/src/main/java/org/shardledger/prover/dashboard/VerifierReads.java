package org.shardledger.prover.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.RpcException;

/** What the dashboard reads from one verifier about this operator: its audits with their reasons, its reputation. */
public interface VerifierReads {
  /** Where it is, to show beside its answers. */
  String name();

  /** {@code audit_getResults({operator, limit})}: newest first. */
  JsonNode results(Address operator, int limit) throws IOException, RpcException;

  /** {@code audit_getReputation(operator)}. */
  JsonNode reputation(Address operator) throws IOException, RpcException;
}
