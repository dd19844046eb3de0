package org.shardledger.node.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;

/** Counts what the tests must see exactly once on chain: transactions of one sender calling one function. */
final class ChainScan {
  static final String SETTLE = "settle(uint64,uint64,bytes32,uint256,(address,uint256)[],uint256[],bytes[])";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChainScan() {}

  static String selector(String signature) {
    return Keccak256.hash(signature).toHex().substring(0, 10);
  }

  /** Mined transactions from {@code sender} whose input starts with the function's selector, blocks 0..head. */
  static int calls(URI rpc, Address sender, String signature) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long head = Long.decode(call(http, rpc, "eth_blockNumber", "[]").asText());
    String selector = selector(signature);
    int count = 0;
    for (long b = 0; b <= head; b++) {
      JsonNode block = call(http, rpc, "eth_getBlockByNumber", "[\"0x" + Long.toHexString(b) + "\", true]");
      for (JsonNode tx : block.get("transactions")) {
        if (tx.get("from").asText().toLowerCase(Locale.ROOT).equals(sender.toHex())
            && tx.get("input").asText().startsWith(selector)) {
          count++;
        }
      }
    }
    return count;
  }

  private static JsonNode call(HttpClient http, URI rpc, String method, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(rpc).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).get("result");
  }
}
