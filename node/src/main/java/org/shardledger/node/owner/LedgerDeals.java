package org.shardledger.node.owner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;

/**
 * Deals by root and operators' registrations as a ledger's JSON-RPC reports them ({@code deal_findByRoot}, paged
 * through {@code next}; {@code operator_get}, asked once per operator): no scan of the chain. The ledger is trusted
 * only to point the way — the shards fetched are checked against the manifest's roots — so a deal it returns for
 * another root is an error, and a malformed answer one too, naming the ledger.
 */
public final class LedgerDeals implements DealDirectory {
  /** Pages a lookup follows before it gives up on a ledger that never ends its answer. */
  static final int MAX_PAGES = 100;

  private final RpcClient rpc;
  private final Map<Address, Optional<ChainIndex.OperatorEntry>> operators = new HashMap<>();

  public LedgerDeals(URI ledger) {
    this.rpc = new RpcClient(ledger, Duration.ofSeconds(10));
  }

  @Override
  public List<Deal> active(Bytes32 root) throws IOException {
    List<Deal> out = new ArrayList<>();
    String after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode answer = after == null ? call(MethodName.DEAL_FIND_BY_ROOT, root.toHex()) : call(MethodName.DEAL_FIND_BY_ROOT, root.toHex(),
          "ACTIVE", after);
      for (JsonNode d : answer.path("deals")) {
        Deal deal = deal(d);
        if (!deal.commitment().root().equals(root)) {
          throw malformed("deal " + deal.id() + " for root " + deal.commitment().root() + " when asked for " + root);
        }
        out.add(deal);
      }
      if (!answer.path("next").isTextual()) {
        return out;
      }
      after = answer.path("next").asText();
    }
    throw malformed("more than " + MAX_PAGES + " pages of deals for root " + root);
  }

  @Override
  public synchronized Optional<ChainIndex.OperatorEntry> operator(Address operator) throws IOException {
    Optional<ChainIndex.OperatorEntry> known = operators.get(operator);
    if (known == null) {
      known = lookUp(operator);
      operators.put(operator, known);
    }
    return known;
  }

  private Optional<ChainIndex.OperatorEntry> lookUp(Address operator) throws IOException {
    try {
      JsonNode o = rpc.call(MethodName.OPERATOR_GET, operator.toString());
      return Optional.of(new ChainIndex.OperatorEntry(operator, text(o, "endpoint"), text(o, "region"),
          o.path("exiting").asBoolean(false)));
    } catch (RpcException e) {
      if (e.error() == RpcError.NOT_FOUND) {
        return Optional.empty();
      }
      throw new IOException("the ledger at " + rpc.url() + " refused operator_get: " + e.getMessage(), e);
    }
  }

  private JsonNode call(MethodName method, Object... params) throws IOException {
    try {
      return rpc.call(method, params);
    } catch (RpcException e) {
      throw new IOException("the ledger at " + rpc.url() + " refused " + method.wire() + ": " + e.getMessage(), e);
    }
  }

  private Deal deal(JsonNode d) throws IOException {
    try {
      return new Deal(Hex.parseLongQuantity(text(d, "id")), Address.fromHex(text(d, "owner")),
          Address.fromHex(text(d, "operator")), new ShardCommitment(Bytes32.fromHex(text(d, "root")),
          Hex.parseLongQuantity(text(d, "size")), Math.toIntExact(Hex.parseLongQuantity(text(d, "segmentSize")))),
          Math.toIntExact(Hex.parseLongQuantity(text(d, "samples"))), quantity(d, "pricePerEpoch"),
          Hex.parseLongQuantity(text(d, "firstEpoch")), Hex.parseLongQuantity(text(d, "lastEpoch")));
    } catch (RuntimeException e) {
      throw malformed("a deal it cannot be read as (" + e.getMessage() + "): " + abbreviated(d));
    }
  }

  private BigInteger quantity(JsonNode d, String field) throws IOException {
    return Hex.parseQuantity(text(d, field));
  }

  private String text(JsonNode node, String field) throws IOException {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw malformed("an answer that lacks the text field " + field + ": " + abbreviated(node));
    }
    return value.asText();
  }

  private static String abbreviated(JsonNode node) {
    String s = node.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private IOException malformed(String what) {
    return new IOException("the ledger at " + rpc.url() + " answered " + what);
  }
}
