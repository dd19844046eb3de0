package org.shardledger.node.roles;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.shardledger.chainstore.settlement.H2SettlementStore;
import org.shardledger.chainstore.settlement.MirrorSettlementChain;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.verifier.VerifierConfig;
import org.shardledger.verifier.VerifierMetrics;
import org.shardledger.verifier.VerifierNode;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.report.ReportSink;
import org.shardledger.verifier.rpc.RpcLedgerClient;
import org.shardledger.verifier.settlement.SettlementSigner;
import org.shardledger.verifier.settlement.VerifierSignSettlement;

/**
 * Builds the verifier role: the node, the ledgers its reports go to, and settlement signing
 * ({@code verifier_signSettlement}, checked against its own state and view of the chain) on its JSON-RPC.
 */
public final class VerifierRole {
  private VerifierRole() {}

  public static VerifierNode start(VerifierConfig config, KeyPair key, Deployment deployment, URI rpc,
      List<URI> ledgers) throws IOException {
    return start(config, key, deployment, rpc, ledgers, VerifierMetrics.NONE, RpcMetrics.NONE);
  }

  /** As the other {@code start}, its events and JSON-RPC answers counted. */
  public static VerifierNode start(VerifierConfig config, KeyPair key, Deployment deployment, URI rpc,
      List<URI> ledgers, VerifierMetrics metrics, RpcMetrics rpcMetrics) throws IOException {
    List<ReportSink> sinks = ledgers.stream().<ReportSink>map(RpcLedgerClient::new).toList();
    VerifierNode node = new VerifierNode(config, key, deployment, rpc, sinks, (db, mirror, chain) -> {
      SettlementSigner signer = new SettlementSigner(new MirrorSettlementChain(mirror, deployment,
          chain.operators()::stakeAt), H2SettlementStore.open(db), key, deployment.domain(), SettlementConfig.DEFAULT);
      return List.of(new VerifierSignSettlement(signer));
    }, new VerifierStatusLog(metrics), rpcMetrics);
    node.start();
    return node;
  }
}
