package org.shardledger.node.ledger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.MirrorSettlementChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.ledger.LedgerConfig;
import org.shardledger.ledger.LedgerMetrics;
import org.shardledger.ledger.LedgerNode;
import org.shardledger.ledger.LedgerParts;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.rpc.RpcVerifierClient;
import org.shardledger.ledger.onchain.ClaimsFollower;
import org.shardledger.ledger.onchain.FacadeLedgerChain;
import org.shardledger.ledger.settlement.LedgerStores;
import org.shardledger.ledger.store.H2LedgerStores;
import org.shardledger.ledger.settlement.VerifierClient;
import org.shardledger.node.roles.RoleResources;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.rpc.RpcMetrics;

/**
 * Builds the ledger role from its config: its H2 database in {@code DATA/db} with the stores and the chain mirror,
 * the chain connection (signing with the ledger's key, its journal in {@code DATA/journal}), the settlement view
 * over the mirror, a JSON-RPC client per verifier, the confirmed balances and the follower that keeps mirror and
 * balances current. Connecting reads the chain head (failing if the chain is down); nothing starts here.
 */
public final class LedgerRoleFactory {
  private LedgerRoleFactory() {}

  public static LedgerRole create(LedgerConfig config, KeyPair key) throws IOException {
    return create(config, key, LedgerMetrics.NONE, RpcMetrics.NONE);
  }

  /** As {@link #create(LedgerConfig, KeyPair)}, counting its events and its JSON-RPC answers. */
  public static LedgerRole create(LedgerConfig config, KeyPair key, LedgerMetrics metrics, RpcMetrics rpcMetrics)
      throws IOException {
    RoleResources opened = RoleResources.lockedIn("ledger", config.dataDir());
    try {
      Database db = opened.keep(Database.open(config.dataDir().resolve("db"), "ledger"));
      LedgerStores stores = H2LedgerStores.open(db);
      ChainMirror mirror = new ChainMirror(db);
      Chain chain = opened.keep(Chain.connect(config.rpc(), config.deployment(), Optional.of(key),
          config.dataDir().resolve("journal"), config.timing()));
      List<VerifierClient> verifiers = config.verifierRpcs().stream()
          .<VerifierClient>map(u -> new RpcVerifierClient(u, config.verifierTimeout())).toList();
      ConfirmedView confirmed = ClaimsFollower.open(stores.settlements(), mirror);
      FacadeLedgerChain writer = new FacadeLedgerChain(chain);
      LedgerParts parts = new LedgerParts(stores, mirror, new MirrorSettlementChain(mirror, config.deployment(),
          chain.operators()::stakeAt), writer, writer, verifiers, confirmed);
      LedgerNode node = new LedgerNode(config, key, parts, metrics, rpcMetrics);
      ChainFollower follower = opened.keep(chain.follow(config.confirmations(), mirror, new ClaimsFollower(mirror, confirmed),
          config.timing()));
      return new LedgerRole(opened, follower, node);
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }
}
