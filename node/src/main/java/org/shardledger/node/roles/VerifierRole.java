package org.shardledger.node.roles;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.verifier.VerifierConfig;
import org.shardledger.verifier.VerifierNode;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.report.ReportSink;

/** Builds the verifier role from its configuration: the node, its ledgers, its extra JSON-RPC methods. */
public final class VerifierRole {
  private VerifierRole() {}

  public static VerifierNode start(VerifierConfig config, KeyPair key, Deployment deployment, URI rpc,
      List<URI> ledgers) throws IOException {
    List<ReportSink> sinks = ledgers.stream().<ReportSink>map(LedgerReportSink::new).toList();
    VerifierNode node = new VerifierNode(config, key, deployment, rpc, sinks, null, new VerifierStatusLog());
    node.start();
    return node;
  }
}
