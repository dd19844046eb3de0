package org.shardledger.node.network;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.verifier.VerifierConfig;
import org.shardledger.node.verifier.VerifierRole;
import org.shardledger.node.verifier.VerifierRoleFactory;
import org.shardledger.node.verifier.VerifierRoleSettings;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.audit.AuditSettings;
import org.shardledger.verifier.store.AuditRecord;

/** A verifier in its own JVM for {@link VerifierCrashIT}: prints each recorded result, then runs until killed. */
public final class VerifierChildMain {
  private VerifierChildMain() {}

  static VerifierConfig config(Path dataDir) {
    return VerifierConfig.defaults(dataDir).withRpc(null).withTiming(1, Duration.ofMillis(100))
        .withAudits(new AuditSettings(16, 3, Duration.ofMillis(500), Duration.ofSeconds(3)));
  }

  public static void main(String[] args) throws Exception {
    VerifierStatusLog log = new VerifierStatusLog() {
      @Override
      public void auditRecorded(AuditRecord r) {
        System.out.println("RECORDED " + r.epoch() + " " + r.dealId() + " " + r.outcome());
        System.out.flush();
      }
    };
    VerifierRole node = VerifierRoleFactory.create(new VerifierRoleSettings(config(Path.of(args[2])),
        URI.create(args[0]), DeploymentFile.read(Path.of(args[1])), DevAccounts.key(Integer.parseInt(args[3])),
        List.of()), log, RpcMetrics.NONE);
    node.start();
    System.out.println("STARTED");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
