package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcServer;

/**
 * The devnet's network view in headless Chromium: against a running devnet it lists every operator and verifier
 * and a settled epoch whose payout root is the one {@code ledger_getSettlement} answers; against a hostile ledger,
 * markup in its answers is shown as text and runs nothing.
 */
class NetworkViewPageIT {
  @TempDir
  Path dir;

  @Test
  void thePageListsTheNetworkAndASettlementAsTheLedgerReportsIt() throws Exception {
    StringWriter text = new StringWriter();
    DevnetConfig config = new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(Path.of("")), 2, 3, 2, 0.5, 10,
        1, 50, 0);
    try (Devnet net = new Devnet(config, new PrintWriter(text, true))) {
      net.start();
      DevnetGuide.print(new PrintWriter(text, true), net);
      assertThat(text.toString()).contains("network    view (operators, verifiers, epochs, settlements) "
          + net.networkViewUrl());
      JsonNode page = PageDriver.run("network-snapshot.js", net.networkViewUrl(), "--wait-settled", "--wait-audited",
          "--screenshot",
          Path.of("target", "network-view.png").toAbsolutePath().toString());

      assertThat(page.get("consoleErrors")).as(page.toString()).isEmpty();
      assertThat(page.get("operators")).hasSize(2);
      for (int i = 0; i < 2; i++) {
        JsonNode row = page.get("operators").get(i);
        assertThat(row.get(0).asText()).isEqualTo(DevnetAccounts.operator(i).address().toChecksumHex());
        assertThat(row.get(1).asText()).isEqualTo(DevnetAccounts.region(i));
        assertThat(row.get(2).asText()).isEqualTo("127.0.0.1:" + net.operators().get(i).address().getPort());
        assertThat(row.get(3).asText()).isEqualTo(DevnetRoles.OPERATOR_STAKE_CREDITS + ".00");
      }
      assertThat(page.get("verifiers")).hasSize(3);
      assertThat(page.get("verifiers").get(0).get(0).asText())
          .isEqualTo(net.verifiers().get(0).address().toChecksumHex());

      RpcClient ledger = new RpcClient(net.ledger().rpcUrl(), Duration.ofSeconds(10));
      String[] span = page.get("auditEpochs").asText().split("-");
      JsonNode results = ledger.call("audit_getResults", JsonNodeFactory.instance.objectNode()
          .put("fromEpoch", Hex.quantity(Long.parseLong(span[0])))
          .put("toEpoch", Hex.quantity(Long.parseLong(span[1]))));
      long audited = 0;
      for (JsonNode r : results.get("results")) {
        audited += "AUDITED".equals(r.get("basis").asText()) ? 1 : 0;
      }
      java.util.regex.Matcher verdicts = java.util.regex.Pattern
          .compile("([0-9]+) verdicts: ([0-9]+) PASS, 0 FAIL, 0 UNREACHABLE, 0 other").matcher(page.get("verdicts")
          .asText());
      assertThat(verdicts.matches()).as(page.toString()).isTrue();
      assertThat(Long.parseLong(verdicts.group(2))).as("every audit passed, as the ledger has them after")
          .isEqualTo(Long.parseLong(verdicts.group(1))).isPositive().isLessThanOrEqualTo(audited);
      for (JsonNode row : page.get("verifiers")) {
        assertThat(row.get(2).asText()).as("honest verifiers agree with the verdicts: " + row).isEqualTo("0");
        assertThat(row.get(4).asText()).as("and none of their reports was refused").isEqualTo("0");
      }

      int settled = 0;
      for (JsonNode row : page.get("epochs")) {
        if (row.get(1).asText().equals("yes")) {
          settled++;
          JsonNode s = ledger.call(MethodName.LEDGER_GET_SETTLEMENT, Hex.quantity(Long.parseLong(row.get(0).asText())));
          assertThat(row.get(3).asText()).as("epoch %s's root", row.get(0).asText())
              .isEqualTo(s.get("payoutRoot").asText());
        }
      }
      assertThat(settled).as(page.toString()).isPositive();
    }
  }

  @Test
  void markupFromAHostileLedgerIsShownAsText() throws Exception {
    String img = HostileAnswers.IMG;
    try (RpcServer ledger = HostileAnswers.serve(
            HostileAnswers.method("ledger_epoch", "{\"currentEpoch\":\"0x2\",\"lastSettledEpoch\":"
                + HostileAnswers.quote(HostileAnswers.SCRIPT) + "}"),
            HostileAnswers.method("ledger_getBalance", "{\"cumulative\":" + HostileAnswers.quote(img)
                + ",\"claimed\":\"0xZZ\"}"),
            HostileAnswers.method("ledger_getSettlement", "{\"epoch\":\"0x1\",\"fromEpoch\":\"0x1\","
                + "\"payoutRoot\":" + HostileAnswers.quote(img) + ",\"transactionHash\":"
                + HostileAnswers.quote(HostileAnswers.IFRAME) + "}"),
            HostileAnswers.method("audit_getResults", "{\"results\":[{\"basis\":\"AUDITED\",\"outcome\":\"PASS\","
                + "\"disagreements\":[{\"verifier\":" + HostileAnswers.quote(HostileAnswers.IFRAME)
                + ",\"reported\":\"FAIL\"}]},{\"basis\":\"AUDITED\",\"outcome\":" + HostileAnswers.quote(img)
                + "}],\"rejectedReports\":[{\"signer\":" + HostileAnswers.quote(HostileAnswers.IFRAME) + "}]}"));
        NetworkView view = NetworkView.start(new NetworkReads(ledger.url(),
            List.of(new NetworkReads.Operator("0xabc", img, HostileAnswers.SCRIPT, 1)),
            List.of(new NetworkReads.Verifier(HostileAnswers.IFRAME, img))))) {
      JsonNode page = PageDriver.run("network-snapshot.js", view.url());

      assertThat(page.get("pwned").isNull()).as(page.toString()).isTrue();
      assertThat(page.get("elements").asInt()).as(page.toString()).isZero();
      assertThat(page.get("operators").get(0).get(1).asText()).isEqualTo(img);
      assertThat(page.get("operators").get(0).get(2).asText()).isEqualTo(HostileAnswers.SCRIPT);
      assertThat(page.get("operators").get(0).get(4).asText()).as("markup as an amount").isEqualTo("?");
      assertThat(page.get("operators").get(0).get(5).asText()).isEqualTo("?");
      assertThat(page.get("verifiers").get(0).get(0).asText()).isEqualTo(HostileAnswers.IFRAME);
      assertThat(page.get("epochs").get(0).get(3).asText()).as("markup as a root").isEqualTo("?");
      assertThat(page.get("epochs").get(0).get(4).asText()).isEqualTo("?");
      assertThat(page.get("currentEpoch").asText()).isEqualTo("2");
      assertThat(page.get("verdicts").asText()).as("markup as an outcome counts as other")
          .isEqualTo("2 verdicts: 1 PASS, 0 FAIL, 0 UNREACHABLE, 1 other");
      assertThat(page.get("verifiers").get(0).get(2).asText()).isEqualTo("1");
      assertThat(page.get("verifiers").get(0).get(3).asText()).isEqualTo("0 PASS, 1 FAIL, 0 UNREACHABLE, 0 other");
      assertThat(page.get("verifiers").get(0).get(4).asText()).isEqualTo("1");
    }
  }
}
