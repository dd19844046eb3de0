package org.shardledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.rpc.RpcClient;

/**
 * Issue 19 (a): the ledger killed after it collected the verifiers' signatures and before its {@code settle} landed
 * (its transactions refused by its chain RPC meanwhile) settles that same settlement after a restart, and then
 * every later epoch; the verifiers, who signed it already, are not asked to sign anything else.
 */
class LedgerKilledBeforeSettleIT {
  /** Kept when the test fails: the roles' logs are in {@code DIR/logs}. */
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void aLedgerKilledWithASignedSettlementSettlesThatSettlementAfterARestart() throws Exception {
    try (TestbedNetwork net = TestbedNetwork.start(dir, 2, 3); Chain reader = net.chain().connectReadOnly()) {
      TestbedNetwork.Role ledger = net.ledger();
      ledger.chainRpc().onlyFor("eth_sendRawTransaction");
      ledger.chainRpc().mode(ChainRpcProxy.Mode.RPC_ERROR);
      net.storeFiles(1, 3, new Random(19));
      PayoutModel model = new PayoutModel(net.deals(), TestbedNetwork.GRACE_EPOCHS);
      RpcClient rpc = new RpcClient(net.ledgerRpc(), Duration.ofSeconds(10));

      JsonNode pending = null;
      long deadline = System.currentTimeMillis() + 240_000;
      while (System.currentTimeMillis() < deadline) {
        JsonNode p = rpc.call(MethodName.LEDGER_EPOCH).get("pending");
        if (p != null && !p.isNull() && p.get("status").asText().equals("SIGNED")) {
          pending = p;
          break;
        }
        Thread.sleep(500);
      }
      assertThat(pending).as("the ledger got a settlement signed").isNotNull();
      long epoch = Long.decode(pending.get("epoch").asText());
      String root = pending.get("payoutRoot").asText();
      Thread.sleep(2000);
      assertThat(reader.settlements().settledThrough()).as("nothing landed yet").isLessThanOrEqualTo(epoch);

      ledger.process().kill();
      ledger.chainRpc().mode(ChainRpcProxy.Mode.PASS);
      ledger.chainRpc().onlyFor(null);
      ledger.process().start(TestbedNetwork.START_TIMEOUT);

      deadline = System.currentTimeMillis() + 240_000;
      while (System.currentTimeMillis() < deadline && reader.settlements().settledThrough() <= model.lastEpoch()) {
        Thread.sleep(1000);
      }
      JsonNode settled = rpc.call(MethodName.LEDGER_GET_SETTLEMENT, "0x" + Long.toHexString(epoch));
      assertThat(settled.toString()).as("epoch %d settled as signed before the kill", epoch).contains(root);
      Thread.sleep(3000);
      InvariantChecker checker = new InvariantChecker(net, reader, model);
      checker.check(true);
      assertThat(checker.violations()).isEmpty();
    }
  }
}
