package org.shardledger.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;

/**
 * {@code network_view()}: what the network view shows, read for the page from the ledger's JSON-RPC — each
 * operator with its balance ({@code ledger_getBalance}), the verifiers with what the ledger knows of their audits
 * over the last {@link #EPOCHS} epochs ({@link VerifierAudits}, from {@code audit_getResults}), and those epochs
 * with the settlement that covers each ({@code ledger_getSettlement}). The ledger is not trusted: each answer is capped
 * at {@link #MAX_ANSWER_BYTES}, and what it says is passed on as text for the page to show as text.
 */
final class NetworkReads implements RpcMethod {
  static final int EPOCHS = 16;
  static final int MAX_ANSWER_BYTES = 1 << 20;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** An operator as the devnet started it. */
  record Operator(String address, String region, String endpoint, long stakeCredits) {}

  /** A verifier as the devnet started it. */
  record Verifier(String address, String rpc) {}

  private final RpcClient ledger;
  private final List<Operator> operators;
  private final List<Verifier> verifiers;

  NetworkReads(URI ledgerRpc, List<Operator> operators, List<Verifier> verifiers) {
    this.ledger = new RpcClient(ledgerRpc, Duration.ofSeconds(5), Map.of(), MAX_ANSWER_BYTES);
    this.operators = List.copyOf(operators);
    this.verifiers = List.copyOf(verifiers);
  }

  @Override
  public String name() {
    return MethodName.NETWORK_VIEW.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws IOException {
    ObjectNode out = JSON.objectNode();
    out.put("ledger", ledger.url().toString());
    ArrayNode ops = out.putArray("operators");
    for (Operator o : operators) {
      ObjectNode row = ops.addObject().put("address", o.address()).put("region", o.region())
          .put("endpoint", o.endpoint()).put("stake", Hex.quantity(o.stakeCredits()));
      row.set("balance", read(MethodName.LEDGER_GET_BALANCE, o.address()));
    }
    ArrayNode vs = out.putArray("verifiers");
    verifiers.forEach(v -> vs.addObject().put("address", v.address()).put("rpc", v.rpc()));
    JsonNode epoch = read(MethodName.LEDGER_EPOCH);
    out.set("epoch", epoch);
    ArrayNode epochs = out.putArray("epochs");
    JsonNode current = epoch.get("currentEpoch");
    if (current != null && current.isTextual()) {
      long now;
      try {
        now = Hex.parseQuantity(current.asText()).longValueExact();
      } catch (IllegalArgumentException | ArithmeticException e) {
        return out.put("problem", "the ledger's currentEpoch is not a quantity");
      }
      for (long e = now - 1; e >= Math.max(0, now - EPOCHS); e--) {
        epochs.addObject().put("epoch", Hex.quantity(e)).set("settlement", settlement(e));
      }
      if (now > 0) {
        long from = Math.max(0, now - EPOCHS);
        out.set("audits", VerifierAudits.of(read(MethodName.AUDIT_GET_RESULTS, JSON.objectNode().put("fromEpoch",
            Hex.quantity(from)).put("toEpoch", Hex.quantity(now - 1))), from, now - 1,
            verifiers.stream().map(Verifier::address).toList()));
      }
    }
    return out;
  }

  /** The settlement covering {@code epoch}; {@code null} while none does. */
  private JsonNode settlement(long epoch) throws IOException {
    try {
      JsonNode s = ledger.call(MethodName.LEDGER_GET_SETTLEMENT, Hex.quantity(epoch));
      ObjectNode out = JSON.objectNode();
      for (String field : List.of("epoch", "fromEpoch", "payoutRoot", "transactionHash")) {
        out.set(field, s.path(field).isValueNode() ? s.get(field) : JSON.nullNode());
      }
      return out;
    } catch (RpcException e) {
      return e.error() == RpcError.NOT_FOUND ? JSON.nullNode() : JSON.objectNode().put("error", e.getMessage());
    }
  }

  /** A ledger answer, or {@code {"error": why}} so the other sections still show. */
  private JsonNode read(MethodName method, Object... args) {
    try {
      return ledger.call(method, args);
    } catch (RpcException | IOException e) {
      return JSON.objectNode().put("error", e.getMessage());
    }
  }
}
