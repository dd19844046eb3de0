package org.shardledger.node.ledger;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.ledger.LedgerConfig;

/**
 * Child JVM for {@link LedgerCrashIT}: a ledger that does not record beacons (so its only transaction is the
 * settlement), printing its JSON-RPC URL, running until it is killed.
 * Arguments: chain RPC, deployment file, data directory, verifier URLs (comma-separated).
 */
public final class LedgerChildMain {
  private LedgerChildMain() {}

  public static void main(String[] args) throws Exception {
    LedgerConfig config = LedgerConfig.defaults(Path.of(args[2]), DeploymentFile.read(Path.of(args[1])),
        URI.create(args[0])).withVerifiers(Arrays.stream(args[3].split(",")).map(URI::create).toList())
        .withListen(new InetSocketAddress("127.0.0.1", 0)).withConfirmations(TestNetwork.CONFIRMATIONS)
        .withReportDeadlineBlocks(TestNetwork.REPORT_DEADLINE).withPolling(Duration.ofMillis(100),
            Duration.ofSeconds(1)).withRecordBeacons(false);
    LedgerRole node = LedgerRoleFactory.create(config, DevAccounts.key(5)).start();
    System.out.println("RPC " + node.rpcUrl());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
