package org.shardledger.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.node.verifier.VerifierRole;
import org.shardledger.node.verifier.VerifierRoleFactory;
import org.shardledger.node.verifier.VerifierRoleSettings;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.store.AuditRecord;

/** A verifier killed with -9 in the middle of an epoch resumes: every deal ends with exactly one result. */
class VerifierCrashIT {
  static final int VERIFIER_INDEX = 7;
  static final KeyPair OWNER = DevAccounts.key(6);

  @TempDir
  Path dir;

  @Test
  void killedMidEpochAndRestartedEveryDealHasExactlyOneResult() throws Exception {
    try (TestNetwork net = TestNetwork.start(dir, 0.2, 40, List.of(DevAccounts.key(VERIFIER_INDEX)), 1);
        SilentServer silent = new SilentServer()) {
      TestNetwork.Operator a = net.operator(DevAccounts.key(1));
      TestNetwork.Operator b = net.operator(DevAccounts.key(2));
      net.registerWithoutNode(DevAccounts.key(3), silent.endpoint());
      Random random = new Random(3);
      // Two epochs ahead: storing seven deals can outlast one 8 s epoch on a loaded machine.
      long epoch = net.currentEpoch() + 2;
      List<Long> deals = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        deals.add(net.store(OWNER, i % 2 == 0 ? a : b, VerifierAuditIT.bytes(random, 64 * 1024), 8, epoch, epoch + 3));
      }
      long silentDeal = net.activateWithoutUpload(OWNER, DevAccounts.key(3), VerifierAuditIT.bytes(random, 8192), 8,
          epoch, epoch + 3);
      deals.add(silentDeal);
      Path deployment = dir.resolve("deployment.json");
      DeploymentFile.write(deployment, net.chain().deployment());
      Path data = dir.resolve("verifier");

      String java = ProcessHandle.current().info().command().orElse("java");
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          VerifierChildMain.class.getName(), net.chain().rpcUrl().toString(), deployment.toString(), data.toString(),
          Integer.toString(VERIFIER_INDEX)).redirectErrorStream(true).start();
      int recordedBeforeKill = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
        long deadline = System.currentTimeMillis() + 90_000;
        String line;
        while (recordedBeforeKill < 3 && (line = out.readLine()) != null && System.currentTimeMillis() < deadline) {
          if (line.startsWith("RECORDED " + epoch + " ")) {
            recordedBeforeKill++;
          }
        }
        assertThat(recordedBeforeKill).as("results recorded before the kill").isEqualTo(3);
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
      }

      try (VerifierRole restarted = VerifierRoleFactory.create(new VerifierRoleSettings(VerifierChildMain.config(data),
          net.chain().rpcUrl(), net.chain().deployment(), DevAccounts.key(VERIFIER_INDEX), List.of()),
          new VerifierStatusLog(), RpcMetrics.NONE)) {
        restarted.start();
        VerifierAuditIT.await("the report of epoch " + epoch, () -> VerifierAuditIT.reportSigned(restarted, epoch),
            120_000);
        List<AuditRecord> results = restarted.audits().results(epoch);
        assertThat(results).extracting(AuditRecord::dealId).containsExactlyInAnyOrderElementsOf(deals);
        assertThat(results).filteredOn(r -> r.dealId() != silentDeal).allMatch(r -> r.outcome() == AuditOutcome.PASS);
        assertThat(results).filteredOn(r -> r.dealId() == silentDeal)
            .allMatch(r -> r.outcome() == AuditOutcome.UNREACHABLE);
        assertThat(restarted.reports().report(epoch).orElseThrow().report().deals()).isEqualTo(deals.size());
      }
      try (var db = org.shardledger.chainstore.Database.open(data, "verifier")) {
        var audits = new org.shardledger.verifier.store.AuditStore(db,
            org.shardledger.verifier.reputation.ReputationModel.STORJ_LIKE);
        long passes = audits.reputation(a.key().address()).passes() + audits.reputation(b.key().address()).passes();
        assertThat(passes).as("no result counted twice in the reputations").isEqualTo(
            audits.find(null, null, null, 1000).stream().filter(r -> r.outcome() == AuditOutcome.PASS).count());
      }
    }
  }
}
