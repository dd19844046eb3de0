package org.shardledger.contracts.anvil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Anvil's own control methods (mining, automine, snapshots): for the local network and tests. */
public final class AnvilRpc {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI url;
  private final HttpClient http = HttpClient.newHttpClient();

  public AnvilRpc(URI url) {
    this.url = url;
  }

  public void mine(long blocks) throws IOException {
    call("anvil_mine", JSON.createArrayNode().add("0x" + Long.toHexString(blocks)));
  }

  /** Sets {@code account}'s ether balance (for gas) to {@code wei}: accounts beyond Anvil's ten. */
  public void setBalance(org.shardledger.protocol.crypto.Address account, java.math.BigInteger wei)
      throws IOException {
    call("anvil_setBalance", JSON.createArrayNode().add(account.toHex()).add("0x" + wei.toString(16)));
  }

  public void setAutomine(boolean on) throws IOException {
    call("evm_setAutomine", JSON.createArrayNode().add(on));
  }

  /** Mines every {@code seconds} from now on (0 stops interval mining). */
  public void setIntervalMining(long seconds) throws IOException {
    call("evm_setIntervalMining", JSON.createArrayNode().add(seconds));
  }

  public String snapshot() throws IOException {
    return call("evm_snapshot", JSON.createArrayNode()).asText();
  }

  public boolean revert(String snapshotId) throws IOException {
    return call("evm_revert", JSON.createArrayNode().add(snapshotId)).asBoolean();
  }

  /** Replaces the last {@code depth} blocks with as many empty ones (a reorg). */
  public void reorg(long depth) throws IOException {
    call("anvil_reorg", JSON.createArrayNode().add(depth).add(JSON.createArrayNode()));
  }

  public long pendingTransactions() throws IOException {
    JsonNode status = call("txpool_status", JSON.createArrayNode());
    return Long.decode(status.path("pending").asText("0x0"));
  }

  /**
   * Sends a transaction from one of Anvil's unlocked accounts without waiting for it (tests that need many
   * transactions in one block: stop mining, send, {@link #mine(long)}); returns its hash.
   */
  public String sendUnlocked(String from, String to, String dataHex, long gas) throws IOException {
    ObjectNode tx = JSON.createObjectNode().put("from", from).put("to", to).put("data", dataHex)
        .put("gas", "0x" + Long.toHexString(gas));
    return call("eth_sendTransaction", JSON.createArrayNode().add(tx)).asText();
  }

  /** The receipt of a transaction (null while it is not mined). */
  public JsonNode receipt(String hash) throws IOException {
    JsonNode receipt = call("eth_getTransactionReceipt", JSON.createArrayNode().add(hash));
    return receipt == null || receipt.isNull() ? null : receipt;
  }

  public long blockNumber() throws IOException {
    return Long.decode(call("eth_blockNumber", JSON.createArrayNode()).asText());
  }

  /** Block {@code number} with its whole transactions (hash, from, to, ...). */
  public JsonNode blockWithTransactions(long number) throws IOException {
    return call("eth_getBlockByNumber", JSON.createArrayNode().add("0x" + Long.toHexString(number)).add(true));
  }

  /** The gas used by all transactions of block {@code number}. */
  public long blockGasUsed(long number) throws IOException {
    JsonNode block = call("eth_getBlockByNumber", JSON.createArrayNode().add("0x" + Long.toHexString(number))
        .add(false));
    return Long.decode(block.get("gasUsed").asText());
  }

  private JsonNode call(String method, ArrayNode params) throws IOException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    request.set("params", params);
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (body.has("error")) {
        throw new IOException(method + " failed: " + body.get("error"));
      }
      return body.get("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + method, e);
    }
  }
}
