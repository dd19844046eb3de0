package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.prover.ProverRole;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.store.StoredShard;
import org.shardledger.rpc.RpcClient;

/**
 * The operator's dashboard in headless Chromium against a running network: the chart shows the payouts the
 * ledger's JSON-RPC reports, a failed audit appears with the verifier's reason (and the failing shard under
 * "needs attention"), and the claim button's claim lands on chain and the balance on the page follows.
 */
class DashboardPageIT {
  @TempDir
  Path dir;

  @Test
  void thePageShowsWhatTheNetworkReportsAndItsClaimLandsOnChain() throws Exception {
    StringWriter text = new StringWriter();
    DevnetConfig config = new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(Path.of("")), 2, 3, 2, 0.5, 10,
        1, 50, 0);
    try (Devnet net = new Devnet(config, new PrintWriter(text, true));
        Chain reader = startAndConnect(net)) {
      ProverRole honest = net.operators().get(0);
      ProverRole failing = net.operators().get(1);
      Address honestAccount = DevnetAccounts.operator(0).address();
      for (StoredShard s : failing.node().store().shards()) {
        failing.node().store().markCorrupt(s.dealId(), "DashboardPageIT: made to fail");
      }
      RpcClient ledger = new RpcClient(net.ledger().rpcUrl(), Duration.ofSeconds(10));

      JsonNode page = PageDriver.snapshot(honest.dashboardUrl(), "--wait-bars", "2", "--screenshot",
          Path.of("target", "dashboard.png").toAbsolutePath().toString());
      List<String> after = payouts(ledger, honestAccount);
      List<String> shown = new ArrayList<>();
      page.get("bars").forEach(b -> shown.add(b.get("epoch").asText() + ":" + b.get("amount").asText()));
      assertThat(shown).as(text.toString()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(after).as("the chart is the ledger's payouts").startsWith(shown.toArray(String[]::new));
      assertThat(page.get("account").asText()).isEqualTo(honestAccount.toChecksumHex());
      assertThat(page.get("claimed").asText()).isEqualTo("0.00");
      assertThat(page.get("consoleErrors")).isEmpty();
      assertThat(reader.settlements().claimed(honestAccount)).isZero();

      JsonNode claimedPage = PageDriver.snapshot(honest.dashboardUrl(), "--claim", "--until-claimed");
      BigInteger onChain = reader.settlements().claimed(honestAccount);
      assertThat(claimedPage.get("claimResult").asText()).as(claimedPage.toString()).startsWith("claimed ")
          .contains(" in transaction 0x");
      assertThat(onChain).as("the claim landed on chain").isPositive();
      assertThat(claimedPage.get("claimed").asText()).isEqualTo(PageDriver.credits(onChain));
      JsonNode balance = ledger.call(MethodName.LEDGER_GET_BALANCE, honestAccount.toHex());
      assertThat(Hex.parseQuantity(balance.get("claimed").asText())).isEqualTo(onChain);

      JsonNode failed = waitForFailure(failing.dashboardUrl(), text);
      JsonNode verifierSays = new RpcClient(net.verifiers().get(0).rpcUrl().orElseThrow(), Duration.ofSeconds(10))
          .call(MethodName.VERIFIER_GET_AUDIT_RESULTS,
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
              .put("operator", DevnetAccounts.operator(1).address().toHex()));
      String reason = null;
      for (JsonNode r : verifierSays) {
        if (r.get("outcome").asText().equals("FAIL")) {
          reason = r.get("reason").asText();
        }
      }
      assertThat(reason).as("verifier 1 recorded a FAIL").isNotNull();
      boolean shownWithReason = false;
      for (JsonNode row : failed.get("audits")) {
        shownWithReason |= row.get(3).asText().equals("FAIL") && row.get(4).asText().equals(reason);
      }
      assertThat(shownWithReason).as(failed.get("audits").toString()).isTrue();
      assertThat(failed.get("attention").toString()).contains("failed its check");
      assertThat(failed.get("shards").toString()).contains("FAILING");
    }
  }

  private static Chain startAndConnect(Devnet net) throws Exception {
    net.start();
    return net.chain().connectReadOnly();
  }

  private static List<String> payouts(RpcClient ledger, Address account) throws Exception {
    long epoch = Hex.parseLongQuantity(ledger.call(MethodName.LEDGER_EPOCH).get("currentEpoch").asText());
    List<String> out = new ArrayList<>();
    ledger.call(MethodName.LEDGER_GET_PAYOUTS, account.toHex(), "0x0", Hex.quantity(epoch)).get("payouts").forEach(p ->
        out.add(Hex.parseQuantity(p.get("epoch").asText()) + ":" + Hex.parseQuantity(p.get("amount").asText())));
    return out;
  }

  /** The failing operator's page, once a verifier's FAIL is on it. */
  private static JsonNode waitForFailure(URI url, StringWriter text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      JsonNode page = PageDriver.snapshot(url);
      if (page.get("audits").toString().contains("\"FAIL\"")) {
        return page;
      }
      assertThat(System.nanoTime()).as(text.toString()).isLessThan(deadline);
      Thread.sleep(3000);
    }
  }
}
