package org.shardledger.node.ledger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.H2SettlementStore;
import org.shardledger.chainstore.settlement.MirrorSettlementChain;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcServer;
import org.shardledger.verifier.settlement.SettlementSigner;
import org.shardledger.verifier.settlement.VerifierSignSettlement;

/**
 * A verifier's settlement side, in-process, as the verifier node wires it: its own H2 database, chain mirror and
 * settlement store, the real {@link SettlementSigner}, served over JSON-RPC on a loopback port. It can go offline
 * (its server stops) and come back on the same port.
 */
final class TestVerifier implements AutoCloseable {
  final KeyPair key;
  final Database db;
  final ChainMirror mirror;
  final H2SettlementStore store;
  private final Chain reader;
  private final ChainFollower follower;
  private final RpcDispatcher dispatcher;
  private final int port;
  private RpcServer server;

  TestVerifier(LocalChain local, KeyPair key, Path dir, int confirmations) throws IOException {
    this.key = key;
    this.db = Database.open(dir, "verifier");
    this.mirror = new ChainMirror(db);
    this.store = H2SettlementStore.open(db);
    this.reader = local.connectReadOnly();
    this.follower = reader.follow(confirmations, mirror, mirror, ChainTiming.local());
    SettlementSigner signer = new SettlementSigner(new MirrorSettlementChain(mirror, local.deployment(),
        reader.operators()::stakeAt), store, key, local.deployment().domain(), SettlementConfig.DEFAULT);
    this.dispatcher = new RpcDispatcher().register(new VerifierSignSettlement(signer));
    this.server = RpcServer.start(new InetSocketAddress("127.0.0.1", 0), dispatcher);
    this.port = server.port();
    follower.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  synchronized void goOffline() {
    server.close();
    server = null;
  }

  synchronized void comeBack() throws IOException {
    if (server == null) {
      server = RpcServer.start(new InetSocketAddress("127.0.0.1", port), dispatcher);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
    }
    follower.close();
    reader.close();
    db.close();
  }
}
