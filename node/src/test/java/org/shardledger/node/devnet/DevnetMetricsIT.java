package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.metrics.Scrape;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.admin.AdminClient;
import org.shardledger.verifier.VerifierNode;

/**
 * The whole network with every role's metrics served: while it runs, what Prometheus would scrape agrees with the
 * ledger's and the verifiers' JSON-RPC and with the chain (epochs settled, credits paid and claimed, audits by
 * outcome), and every role's admin interface answers with its token and refuses without it.
 */
class DevnetMetricsIT {
  @TempDir
  Path dir;

  @Test
  void scrapedMetricsAgreeWithJsonRpcAndTheChain() throws Exception {
    StringWriter text = new StringWriter();
    DevnetConfig config = new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(Path.of("")), 3, 3, 2, 0.5, 10,
        1, 50, 2);
    try (Devnet net = new Devnet(config, new PrintWriter(text, true)); ) {
      net.start();
      Map<String, RoleMetrics> metrics = net.metrics();
      assertThat(metrics).containsKeys("ledger", "verifier-1", "verifier-2", "verifier-3", "operator-1");
      RpcClient ledgerRpc = new RpcClient(net.ledger().rpcUrl(), Duration.ofSeconds(10));
      URI ledgerMetrics = metrics.get("ledger").url().orElseThrow();
      try (Chain reader = net.chain().connectReadOnly()) {
        Dashboard dashboard = new Dashboard(net, reader);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (reader.settlements().settledThrough() < 3 || reader.settlements().cumulativeTotal().signum() == 0) {
          assertThat(System.nanoTime()).as(text.toString()).isLessThan(deadline);
          dashboard.claimAndShowEpoch();
          Thread.sleep(500);
        }
        dashboard.claimAll();

        agree("epochs settled: metric, ledger_epoch, chain", () -> {
          Scrape s = Scrape.get(ledgerMetrics);
          long chain = reader.settlements().settledThrough();
          JsonNode last = ledgerRpc.call(MethodName.LEDGER_EPOCH).get("lastSettledEpoch");
          long rpc = last.isNull() ? 0 : Hex.parseLongQuantity(last.asText()) + 1;
          return said(s.sum("shardledger_ledger_epochs_settled_total") == chain && rpc == chain
              && s.sum("shardledger_ledger_last_settled_epoch") == chain - 1, "metric",
              s.sum("shardledger_ledger_epochs_settled_total"), "rpc", rpc, "chain", chain);
        }, text);
        agree("credits paid: metric, ledger_getSettlement, chain", () -> {
          Scrape s = Scrape.get(ledgerMetrics);
          long epoch = reader.settlements().settledThrough() - 1;
          BigInteger chain = reader.settlements().cumulativeTotal();
          BigInteger rpc = Hex.parseQuantity(ledgerRpc.call(MethodName.LEDGER_GET_SETTLEMENT, Hex.quantity(epoch))
              .get("cumulativeTotal").asText());
          BigInteger sumOfBalances = BigInteger.ZERO;
          for (int i = 0; i < net.operators().size(); i++) {
            sumOfBalances = sumOfBalances.add(Hex.parseQuantity(ledgerRpc.call(MethodName.LEDGER_GET_BALANCE,
                DevnetAccounts.operator(i).address().toHex()).get("cumulative").asText()));
          }
          return said(rpc.equals(chain) && sumOfBalances.equals(chain)
              && close(s.sum("shardledger_ledger_paid_credits_total"), chain), "metric",
              s.sum("shardledger_ledger_paid_credits_total"), "rpc", rpc, "balances", sumOfBalances, "chain", chain);
        }, text);
        agree("credits claimed: metric, ledger_getBalance, chain", () -> {
          dashboard.claimAll();
          Scrape s = Scrape.get(ledgerMetrics);
          BigInteger chain = BigInteger.ZERO;
          BigInteger rpc = BigInteger.ZERO;
          for (int i = 0; i < net.operators().size(); i++) {
            var account = DevnetAccounts.operator(i).address();
            chain = chain.add(reader.settlements().claimed(account));
            rpc = rpc.add(Hex.parseQuantity(ledgerRpc.call(MethodName.LEDGER_GET_BALANCE,
                account.toHex()).get("claimed")
                .asText()));
          }
          net.chain().rpc().mine(1);
          return said(chain.signum() > 0 && rpc.equals(chain)
              && close(s.sum("shardledger_ledger_claimed_credits_total"), chain), "metric",
              s.sum("shardledger_ledger_claimed_credits_total"), "rpc", rpc, "chain", chain);
        }, text);

        for (int v = 0; v < net.verifiers().size(); v++) {
          VerifierNode verifier = net.verifiers().get(v);
          URI url = metrics.get("verifier-" + (v + 1)).url().orElseThrow();
          RpcClient rpc = new RpcClient(verifier.rpcUrl().orElseThrow(), Duration.ofSeconds(10));
          agree("verifier " + (v + 1) + " audits by outcome: metric, verifier_getAuditResults", () -> {
            Scrape s = Scrape.get(url);
            JsonNode results = rpc.call(MethodName.VERIFIER_GET_AUDIT_RESULTS, RpcClientJson.filter());
            Scrape after = Scrape.get(url);
            for (AuditOutcome outcome : AuditOutcome.values()) {
              long counted = 0;
              for (JsonNode r : results) {
                counted += r.get("outcome").asText().equals(outcome.name()) ? 1 : 0;
              }
              if (sumOr0(s, outcome) != counted || sumOr0(after, outcome) != counted) {
                return said(false, outcome.name(), sumOr0(s, outcome), "then", sumOr0(after, outcome), "rpc",
                    counted);
              }
            }
            return results.size() > 0 && s.sum("shardledger_verifier_audits_total", "outcome", "PASS") > 0
                && s.sum("shardledger_verifier_proof_answer_seconds_count") >= s.sum(
                "shardledger_verifier_audits_total", "outcome", "PASS");
          }, text);
        }

        Scrape operator = Scrape.get(metrics.get("operator-1").url().orElseThrow());
        assertThat(operator.sum("shardledger_prover_challenges_answered_total")).isPositive();
        assertThat(operator.sum("shardledger_prover_proof_answer_seconds_count"))
            .isEqualTo(operator.sum("shardledger_prover_challenges_answered_total"));
        assertThat(operator.sum("shardledger_prover_store_shards")).isEqualTo(1);
        assertThat(operator.sum("shardledger_prover_store_used_bytes")).isPositive();
        assertThat(operator.sum("shardledger_prover_store_capacity_bytes")).isEqualTo(4.0 * (1L << 30));
        assertThat(operator.sum("shardledger_wire_received_bytes_total")).as("the shard was uploaded over the wire")
            .isGreaterThanOrEqualTo(reader.deals().get(net.deals().get(0)).orElseThrow().deal().commitment().size());
        assertThat(operator.sum("shardledger_wire_sent_bytes_total")).isPositive();
        assertThat(operator.sum("shardledger_wire_connections_accepted_total")).isPositive();
        assertThat(operator.sum("shardledger_chain_follower_lag_blocks")).isBetween(0.0, 50.0);

        Scrape ledger = Scrape.get(ledgerMetrics);
        assertThat(ledger.sum("shardledger_rpc_requests_seconds_count", "method", "ledger_getBalance", "error",
            "none")).isPositive();
        assertThat(ledger.sum("shardledger_ledger_reports_total", "result", "accepted")).isPositive();
        assertThat(ledger.sum("shardledger_chain_follower_lag_blocks")).isBetween(0.0, 50.0);
        assertThat(ledger.text()).contains("role=\"ledger\"");
      }

      for (Path data : new Path[] {dir.resolve("devnet/ledger"), dir.resolve("devnet/verifier-1"),
          dir.resolve("devnet/operator-1")}) {
        RpcClient admin = AdminClient.connect(data, Duration.ofSeconds(10));
        assertThat(admin.call(MethodName.ADMIN_STATUS).get("role").asText()).isIn("ledger", "verifier", "prover");
        URI url = admin.url();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
            .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"admin_status\",\"params\":[]}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(data + " without the token").isEqualTo(401);
        assertThatThrownBy(() -> new RpcClient(url, Duration.ofSeconds(10), Map.of("Authorization",
            "Bearer " + java.nio.file.Files.readString(data.resolve("admin.token")).trim(), "Origin",
            "https://evil.example"))
            .call(MethodName.ADMIN_STATUS)).isInstanceOf(RpcException.class).hasMessageContaining("Origin");
      }
    }
  }

  private static String lastSaid = "";

  /** {@code ok}, remembering the values compared for the failure message. */
  private static boolean said(boolean ok, Object... values) {
    lastSaid = java.util.Arrays.toString(values);
    return ok;
  }

  private static double sumOr0(Scrape s, AuditOutcome outcome) {
    try {
      return s.sum("shardledger_verifier_audits_total", "outcome", outcome.name());
    } catch (AssertionError none) {
      return 0;
    }
  }

  /** A credit metric (credits, a double) against base units. */
  private static boolean close(double metric, BigInteger baseUnits) {
    double expected = new BigDecimal(baseUnits, 18).doubleValue();
    return Math.abs(metric - expected) <= 1e-9 * Math.max(1, expected);
  }

  /** Asks until the sources agree (they move on their own: blocks every 0.5 s); fails if they never do. */
  private static void agree(String what, Callable<Boolean> check, StringWriter log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (check.call()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(what + " never agreed: " + lastSaid + (last == null ? "" : " (last error: " + last
        + ")") + "\n" + log);
  }

  /** {@code {"limit":"0x10000"}}: every result. */
  private static final class RpcClientJson {
    static JsonNode filter() {
      return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("limit", "0x10000");
    }
  }
}
