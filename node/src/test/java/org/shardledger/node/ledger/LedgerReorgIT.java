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
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.rpc.RpcClient;

/**
 * The block with the ledger's {@code settle} is reorged away before it is confirmed: the ledger never recorded it
 * (it records only what the mirror confirms), notices the chain no longer has the epoch settled, and settles it
 * again; the canonical chain ends up with one settle transaction.
 */
class LedgerReorgIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(3);
  static final BigInteger PRICE = CREDIT.multiply(BigInteger.valueOf(2));

  @TempDir
  Path dir;

  @Test
  void aSettlementReorgedAwayBeforeItsConfirmationIsSentAgainAndRecordedOnce() throws Exception {
    try (TestNetwork net = TestNetwork.start(dir, 20); Chain anyone = net.local.connect(DevAccounts.key(6))) {
      TestNetwork.OneDeal d = net.dealFromNextEpoch(OPERATOR, OWNER, PRICE, 1);
      long epoch = d.epoch();
      net.mineToEpoch(epoch);
      anyone.beacons().record(epoch).mined();
      try (LedgerRole ledger = LedgerRoleFactory.create(net.ledgerConfig(dir.resolve("ledger"))
          .withRecordBeacons(false), TestNetwork.ledgerKey()).start()) {
        RpcClient rpc = new RpcClient(ledger.rpcUrl(), Duration.ofSeconds(10));
        net.allPass(rpc, epoch, d.id());
        net.mineTo(net.local.deployment().epochStartBlock(epoch + 1) + 1);
        long deadline = System.currentTimeMillis() + 60_000;
        while (net.reader.settlements().settledThrough() <= epoch && System.currentTimeMillis() < deadline) {
          Thread.sleep(20);
        }
        assertThat(net.reader.settlements().settledThrough()).as("settled, not yet confirmed").isEqualTo(epoch + 1);
        while (!rpc.call(MethodName.LEDGER_EPOCH).path("pending").path("status").asText().equals("SUBMITTED")
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(20);
        }
        assertThat(rpc.call(MethodName.LEDGER_EPOCH).get("pending").get("status").asText())
            .as("the ledger saw its receipt (a reorg while it waits for one is the journal's: rebroadcast later)")
            .isEqualTo("SUBMITTED");
        assertThat(ledger.stores().settlements().settled(epoch)).isEmpty();

        net.local.rpc().reorg(1);
        assertThat(net.reader.settlements().settledThrough()).as("the reorg took it away").isLessThanOrEqualTo(epoch);

        net.awaitRecorded(ledger, epoch);
        assertThat(ledger.stores().settlements().current().cumulativeOf(OPERATOR.address())).isEqualTo(PRICE);
        assertThat(net.reader.settlements().settledThrough()).isEqualTo(epoch + 1);
      }
      assertThat(ChainScan.calls(net.local.rpcUrl(), TestNetwork.ledgerKey().address(), ChainScan.SETTLE))
          .as("one settle transaction on the canonical chain").isEqualTo(1);
    }
  }
}
