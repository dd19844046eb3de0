package org.shardledger.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.owner.ChainIndex;
import org.shardledger.node.owner.DealDirectory;
import org.shardledger.node.owner.LedgerDeals;
import picocli.CommandLine.Option;

/**
 * Where {@code get}, {@code status} and {@code ls} find a shard's deals by root: a ledger's {@code deal_findByRoot}
 * when its JSON-RPC is given, else the chain's events read from the deployment on, with a note saying so
 * (decision 0183). {@code rm} and {@code put} read the chain itself: what they act on must not lag behind it.
 */
final class DealLookupOptions {
  @Option(names = "--ledger-rpc", paramLabel = "URL", description = "A ledger's JSON-RPC endpoint: deals are "
      + "found by root with its deal_findByRoot (default: read from the chain's events, which is slow on a long "
      + "chain).")
  URI ledgerRpc;

  /** Where deals are looked up: the ledger when given, else the chain's events (saying so on {@code err}). */
  DealDirectory deals(Chain chain, PrintWriter err) throws IOException {
    if (ledgerRpc != null) {
      return new LedgerDeals(ledgerRpc);
    }
    err.println("note: no --ledger-rpc: reading every deal from the chain's events (give a ledger's JSON-RPC to "
        + "look them up by root instead)");
    err.flush();
    return ChainIndex.read(chain);
  }
}
