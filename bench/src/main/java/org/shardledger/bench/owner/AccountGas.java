package org.shardledger.bench.owner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.shardledger.contracts.anvil.AnvilRpc;
import org.shardledger.protocol.crypto.Address;

/**
 * The transactions one account sent in a range of blocks and the gas their receipts say they used: what a whole
 * {@code put} cost on chain, credit approvals included.
 */
final class AccountGas {
  /** {@code transactions} sent, {@code gas} used by them (from their receipts). */
  record Spent(int transactions, long gas) {}

  private AccountGas() {}

  /** What {@code account} sent in blocks {@code (after, upTo]}. */
  static Spent sentBy(AnvilRpc rpc, Address account, long after, long upTo) throws IOException {
    int transactions = 0;
    long gas = 0;
    for (long n = after + 1; n <= upTo; n++) {
      for (JsonNode tx : rpc.blockWithTransactions(n).path("transactions")) {
        if (tx.path("from").asText().equalsIgnoreCase(account.toHex())) {
          transactions++;
          gas += Long.decode(rpc.receipt(tx.path("hash").asText()).path("gasUsed").asText());
        }
      }
    }
    return new Spent(transactions, gas);
  }
}
