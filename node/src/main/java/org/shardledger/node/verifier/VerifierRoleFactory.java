package org.shardledger.node.verifier;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.H2SettlementStore;
import org.shardledger.chainstore.settlement.MirrorSettlementChain;
import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.node.roles.RoleResources;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.verifier.VerifierConfig;
import org.shardledger.verifier.VerifierNode;
import org.shardledger.verifier.VerifierParts;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.onchain.DeploymentCalendar;
import org.shardledger.verifier.onchain.MirrorAuditView;
import org.shardledger.verifier.report.ReportSink;
import org.shardledger.verifier.rpc.RpcLedgerClient;
import org.shardledger.verifier.settlement.SettlementSigner;
import org.shardledger.verifier.settlement.VerifierSignSettlement;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.EpochReportStore;
import org.shardledger.verifier.wire.WireChallenger;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;

/**
 * Builds the verifier role from its settings: its H2 database in the data directory and the chain mirror in it,
 * the chain connection (signing with the verifier's key, its journal in {@code DATA/journal}) and the follower
 * that fills the mirror, the wire client operators are challenged with, the stores, a JSON-RPC client per ledger,
 * the beacon recorder and settlement signing ({@code verifier_signSettlement}, checked against its own state and
 * view of the chain). Nothing starts here.
 */
public final class VerifierRoleFactory {
  private VerifierRoleFactory() {}

  public static VerifierRole create(VerifierRoleSettings settings, VerifierStatusLog status, RpcMetrics rpcMetrics)
      throws IOException {
    VerifierConfig config = settings.verifier();
    Deployment deployment = settings.deployment();
    RoleResources opened = RoleResources.lockedIn("verifier", config.dataDir());
    try {
      Database db = opened.keep(Database.open(config.dataDir(), "verifier"));
      ChainMirror mirror = new ChainMirror(db);
      Chain chain = opened.keep(Chain.connect(settings.rpc(), deployment, Optional.of(settings.key()),
          config.dataDir().resolve("journal"), ChainTiming.remote().withLocalPolling(settings.rpc())));
      ChainFollower follower = opened.keep(chain.follow(config.confirmations(), mirror, mirror,
          new ChainTiming(config.pollInterval(), config.pollInterval())));
      AuditStore audits = new AuditStore(db, config.reputation());
      EpochReportStore reports = new EpochReportStore(db);
      WireClient wire = opened.keep(new WireClient(ClientSettings.defaults(deployment.domain())
          .withRequestTimeout(config.audits().requestTimeout())));
      List<ReportSink> ledgers = settings.ledgers().stream().<ReportSink>map(RpcLedgerClient::new).toList();
      BeaconRecorder beacons = new BeaconRecorder(BeaconRecorder.Target.of(chain), deployment,
          status::beaconRecorded);
      SettlementSigner signer = new SettlementSigner(new MirrorSettlementChain(mirror, deployment,
          chain.operators()::stakeAt), H2SettlementStore.open(db), settings.key(), deployment.domain(),
          SettlementConfig.DEFAULT);
      VerifierParts parts = new VerifierParts(deployment.chainId(), deployment.domain(),
          new MirrorAuditView(mirror, chain, dialed(settings)), new DeploymentCalendar(deployment), new WireChallenger(wire), audits,
          reports, ledgers, beacons::tick, List.of(new VerifierSignSettlement(signer)));
      VerifierNode node = new VerifierNode(config, settings.key(), parts, status, rpcMetrics);
      return new VerifierRole(opened, mirror, follower, node);
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  private static java.util.Map<org.shardledger.protocol.crypto.Address, String> dialed(VerifierRoleSettings settings) {
    java.util.Map<org.shardledger.protocol.crypto.Address, String> out = new java.util.HashMap<>();
    settings.dial().forEach((operator, where) -> out.put(operator, where.toString()));
    return out;
  }
}
