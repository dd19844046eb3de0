package org.shardledger.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.ledger.TestNetwork.CREDIT;
import org.shardledger.rpc.MethodName;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.rpc.RpcClient;

/**
 * The chain's RPC goes away in the worst moment: the settle transaction reached the node, its answer did not reach
 * the ledger, and the node stays unreachable for a while. The ledger retries with backoff, and once the RPC is back
 * it finds the epoch settled by that transaction and records it; it never sends a second one.
 */
class LedgerOutageIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(3);
  static final BigInteger PRICE = CREDIT.multiply(BigInteger.valueOf(3));

  @TempDir
  Path dir;

  @Test
  void anRpcOutageDuringSettlementDelaysItUntilTheRpcIsBack() throws Exception {
    try (TestNetwork net = TestNetwork.start(dir, 20); FlakyRpcProxy proxy = new FlakyRpcProxy(net.local.rpcUrl())) {
      TestNetwork.OneDeal d = net.dealFromNextEpoch(OPERATOR, OWNER, PRICE, 2);
      long epoch = d.epoch();
      try (LedgerRole ledger = LedgerRoleFactory.create(net.ledgerConfig(dir.resolve("ledger"), proxy.url()),
          TestNetwork.ledgerKey()).start()) {
        RpcClient rpc = new RpcClient(ledger.rpcUrl(), Duration.ofSeconds(10));
        net.mineToEpoch(epoch);
        net.allPass(rpc, epoch, d.id());
        net.await(() -> recorded(net, epoch), 0, Duration.ofSeconds(30));
        proxy.failAfterForwarding(ChainScan.selector(ChainScan.SETTLE));
        net.mineToEpoch(epoch + 1);
        net.await(() -> tripped(proxy), net.local.deployment().epochStartBlock(epoch + 1) + 15, Duration.ofSeconds(60),
            () -> rpc.call(MethodName.LEDGER_EPOCH) + ", mirror of verifier 0 at block " + net.verifiers.get(0).mirror
                .mirroredThrough() + ", ledger mirror: " + mirrorDump(dir.resolve("ledger/db")));
        assertThat(net.reader.settlements().settledThrough()).as("the settle transaction reached the node")
            .isEqualTo(epoch + 1);

        net.local.rpc().mine(5);
        Thread.sleep(2000);
        assertThat(ledger.stores().settlements().settled(epoch)).as("not recorded while the RPC is down").isEmpty();
        assertThat(rpc.call(MethodName.LEDGER_EPOCH).get("pending").get("status").asText()).isEqualTo("SIGNED");

        proxy.restore();
        net.awaitRecorded(ledger, epoch);
        assertThat(ledger.stores().settlements().current().cumulativeOf(OPERATOR.address())).isEqualTo(PRICE);
      }
      assertThat(ChainScan.calls(net.local.rpcUrl(), TestNetwork.ledgerKey().address(), ChainScan.SETTLE))
          .as("one settle transaction in all").isEqualTo(1);
    }
  }

  /** The ledger recorded the epoch's beacon (a settlement waits for it to be confirmed). */
  private static boolean recorded(TestNetwork net, long epoch) {
    try {
      return net.reader.beacons().get(epoch).isPresent();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean tripped(FlakyRpcProxy proxy) {
    try {
      return proxy.awaitTrippedFor(Duration.ofMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What the ledger's own chain mirror holds (same JVM: H2 shares the open database). */
  static String mirrorDump(Path db) throws Exception {
    try (org.shardledger.chainstore.Database d = org.shardledger.chainstore.Database.open(db, "ledger")) {
      return d.transaction(c -> {
        StringBuilder out = new StringBuilder();
        for (String q : java.util.List.of("SELECT epoch, beacon_block, recorded_block FROM beacons",
            "SELECT id, status, first_epoch, last_epoch FROM deals", "SELECT block FROM mirror_cursor",
            "SELECT epoch, verifier, used_in FROM ledger_reports", "SELECT COUNT(*) FROM verifiers")) {
          out.append(q).append(" -> ");
          try (var st = c.createStatement(); var r = st.executeQuery(q)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
              out.append('[');
              for (int i = 1; i <= n; i++) {
                out.append(r.getString(i)).append(i < n ? "," : "");
              }
              out.append(']');
            }
          }
          out.append("; ");
        }
        return out.toString();
      });
    }
  }
}
