package org.shardledger.prover.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.RpcException;

/**
 * What the dashboard reads from the ledger, for this operator only: answers as the ledger's JSON-RPC gives them
 * (docs/rpc.md), each bounded in size by the adapter. The page renders them; nothing here trusts them.
 */
public interface LedgerReads {
  /** {@code ledger_epoch()}. */
  JsonNode epoch() throws IOException, RpcException;

  /** {@code ledger_getBalance(account)}. */
  JsonNode balance(Address account) throws IOException, RpcException;

  /** {@code ledger_getPayouts(account, fromEpoch, toEpoch)}. */
  JsonNode payouts(Address account, long fromEpoch, long toEpoch) throws IOException, RpcException;

  /** {@code ledger_getClaimProof(account)}. */
  JsonNode claimProof(Address account) throws IOException, RpcException;

  /** {@code audit_getResults({operator, fromEpoch, toEpoch})}: the settled verdicts on this operator's deals. */
  JsonNode settledResults(Address operator, long fromEpoch, long toEpoch) throws IOException, RpcException;

  /** The verifiers' JSON-RPC URLs, as the ledger names them when asked for a reputation it does not keep. */
  List<URI> verifiers() throws IOException, RpcException;
}
