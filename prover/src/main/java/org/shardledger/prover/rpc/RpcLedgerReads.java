package org.shardledger.prover.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.dashboard.LedgerReads;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;

/**
 * The dashboard's reads from a ledger's JSON-RPC, each answer at most {@link #MAX_ANSWER_BYTES}: the node passes
 * them on to a page, and a ledger is not trusted to keep its answers small.
 */
public final class RpcLedgerReads implements LedgerReads {
  /** The cap on one answer the node passes on to its dashboard. */
  public static final int MAX_ANSWER_BYTES = 1 << 20;
  static final int MAX_VERIFIERS = 8;
  static final int MAX_URL_CHARS = 256;

  private final RpcClient client;

  public RpcLedgerReads(URI ledger) {
    this.client = client(ledger);
  }

  /** A client for the dashboard's reads from {@code url}: a short timeout, answers capped. */
  static RpcClient client(URI url) {
    return new RpcClient(url, Duration.ofSeconds(5), Map.of(), MAX_ANSWER_BYTES);
  }

  @Override
  public JsonNode epoch() throws IOException, RpcException {
    return client.call(MethodName.LEDGER_EPOCH);
  }

  @Override
  public JsonNode balance(Address account) throws IOException, RpcException {
    return client.call(MethodName.LEDGER_GET_BALANCE, account.toHex());
  }

  @Override
  public JsonNode payouts(Address account, long fromEpoch, long toEpoch) throws IOException, RpcException {
    return client.call(MethodName.LEDGER_GET_PAYOUTS, account.toHex(), Hex.quantity(fromEpoch), Hex.quantity(toEpoch));
  }

  @Override
  public JsonNode claimProof(Address account) throws IOException, RpcException {
    return client.call(MethodName.LEDGER_GET_CLAIM_PROOF, account.toHex());
  }

  @Override
  public JsonNode settledResults(Address operator, long fromEpoch, long toEpoch) throws IOException, RpcException {
    return client.call(MethodName.AUDIT_GET_RESULTS, JsonNodeFactory.instance.objectNode().put("operator",
        operator.toHex())
        .put("fromEpoch", Hex.quantity(fromEpoch)).put("toEpoch", Hex.quantity(toEpoch)));
  }

  /**
   * The ledger keeps no reputation and answers {@code audit_getReputation} with the verifiers to ask; those are
   * taken when they are http(s) URLs, at most {@value #MAX_VERIFIERS}.
   */
  @Override
  public List<URI> verifiers() throws IOException, RpcException {
    try {
      client.call(MethodName.AUDIT_GET_REPUTATION, Address.ZERO.toHex());
    } catch (RpcException e) {
      if (e.error() != RpcError.NOT_FOUND || e.data().isEmpty()) {
        throw e;
      }
      List<URI> out = new ArrayList<>();
      for (JsonNode n : e.data().get().path("verifiers")) {
        String s = n.asText();
        if (out.size() < MAX_VERIFIERS && s.length() <= MAX_URL_CHARS && s.matches("https?://[^\\s/?#]+/?")) {
          out.add(URI.create(s));
        }
      }
      return out;
    }
    throw new RpcException(RpcError.UNAVAILABLE, "the ledger answered audit_getReputation without naming verifiers");
  }
}
