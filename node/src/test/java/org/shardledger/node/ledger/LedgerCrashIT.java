package org.shardledger.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.ledger.TestNetwork.CREDIT;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.rpc.RpcClient;

/**
 * A ledger killed (kill -9, in a child JVM) after it broadcast {@code settle} and before the receipt: after a
 * restart the epoch is settled, once, by that same transaction, and recorded.
 */
class LedgerCrashIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(3);
  static final BigInteger PRICE = CREDIT.multiply(BigInteger.valueOf(7));

  @TempDir
  Path dir;

  @Test
  void killedBetweenSendingSettleAndItsReceiptSettlesTheEpochOnceAfterARestart() throws Exception {
    try (TestNetwork net = TestNetwork.start(dir, 20); Chain anyone = net.local.connect(DevAccounts.key(6))) {
      TestNetwork.OneDeal d = net.dealFromNextEpoch(OPERATOR, OWNER, PRICE, 1);
      long epoch = d.epoch();
      net.mineToEpoch(epoch);
      anyone.beacons().record(epoch).mined();
      Path deployment = dir.resolve("deployment.json");
      DeploymentFile.write(deployment, net.local.deployment());
      Path data = dir.resolve("ledger");

      String java = ProcessHandle.current().info().command().orElse("java");
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          LedgerChildMain.class.getName(), net.local.rpcUrl().toString(), deployment.toString(), data.toString(),
          net.verifiers.stream().map(v -> v.url().toString()).collect(Collectors.joining(",")))
          .redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        URI childRpc = null;
        while (childRpc == null && (line = out.readLine()) != null) {
          if (line.startsWith("RPC ")) {
            childRpc = URI.create(line.substring(4));
          }
        }
        assertThat(childRpc).as("the child ledger started").isNotNull();
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        RpcClient ledger = new RpcClient(childRpc, Duration.ofSeconds(10));
        net.allPass(ledger, epoch, d.id());

        net.local.rpc().setAutomine(false);
        net.local.rpc().mine(net.local.deployment().epochStartBlock(epoch + 1) + 3 - net.head());
        long deadline = System.currentTimeMillis() + 60_000;
        while (net.local.rpc().pendingTransactions() == 0 && System.currentTimeMillis() < deadline) {
          Thread.sleep(20);
        }
        assertThat(net.local.rpc().pendingTransactions()).as("the child broadcast its settlement").isEqualTo(1);
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
        net.local.rpc().setAutomine(true);
      }
      net.local.rpc().mine(1);
      assertThat(net.reader.settlements().settledThrough()).as("the broadcast settlement was mined")
          .isEqualTo(epoch + 1);

      try (LedgerRole restarted = LedgerRoleFactory.create(net.ledgerConfig(data).withRecordBeacons(false),
          TestNetwork.ledgerKey()).start()) {
        net.awaitRecorded(restarted, epoch);
        var settled = restarted.stores().settlements().settled(epoch).orElseThrow();
        assertThat(settled.tx()).isPresent();
        assertThat(restarted.stores().settlements().current().cumulativeOf(OPERATOR.address())).isEqualTo(PRICE);
        assertThat(restarted.stores().pending().load()).isEmpty();
      }
      assertThat(ChainScan.calls(net.local.rpcUrl(), TestNetwork.ledgerKey().address(), ChainScan.SETTLE))
          .as("one settle transaction in all").isEqualTo(1);
    }
  }
}
