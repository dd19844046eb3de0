package org.shardledger.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.rpc.RpcParams;

/** The names an operator's Prometheus sees, and the endpoint that serves them. */
class RoleMetricsTest {
  static final RpcMethod ECHO = new RpcMethod() {
    @Override
    public String name() {
      return "test_echo";
    }

    @Override
    public JsonNode execute(RpcParams params) throws RpcException {
      return new TextNode(params.raw(0).asText());
    }
  };

  @Test
  void countsJsonRpcAnswersByMethodAndError() {
    try (RoleMetrics metrics = new RoleMetrics("ledger")) {
      RpcDispatcher d = new RpcDispatcher().register(RpcMetrics.observe(List.of(ECHO), metrics.rpc())
          .toArray(RpcMethod[]::new));
      d.handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"a\"]}");
      d.handle("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_echo\",\"params\":[\"b\"]}");
      d.handle("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_echo\",\"params\":[]}");
      Scrape s = Scrape.parse(metrics.scrape());
      assertThat(s.sum("shardledger_rpc_requests_seconds_count", "method", "test_echo", "error", "none"))
          .isEqualTo(2);
      assertThat(s.sum("shardledger_rpc_requests_seconds_count", "method", "test_echo", "error",
          RpcError.INVALID_PARAMS.name().toLowerCase())).isEqualTo(1);
      assertThat(s.sum("shardledger_rpc_requests_seconds_count", "role", "ledger")).isEqualTo(3);
    }
  }

  @Test
  void namesFollowPrometheusConventions() {
    try (RoleMetrics metrics = new RoleMetrics("verifier")) {
      VerifierMeters verifier = new VerifierMeters(metrics);
      verifier.audited(AuditOutcome.PASS, "VERIFIED", 12);
      verifier.audited(AuditOutcome.UNREACHABLE, "TIMEOUT", 0);
      verifier.reportSigned(3);
      ProverMeters prover = new ProverMeters(metrics);
      prover.challengeAnswered(Duration.ofMillis(3));
      prover.challengeRefused("NO_DATA");
      prover.disputeOpened();
      LedgerMeters ledger = new LedgerMeters(metrics);
      ledger.reportRejected("NOT_A_VERIFIER");
      ledger.settled(0, 1);
      Scrape s = Scrape.parse(metrics.scrape());
      assertThat(s.sum("shardledger_verifier_audits_total", "outcome", "PASS", "reason", "verified")).isEqualTo(1);
      assertThat(s.sum("shardledger_verifier_audits_total", "outcome", "UNREACHABLE")).isEqualTo(1);
      assertThat(s.sum("shardledger_verifier_proof_answer_seconds_count")).as("only answered audits").isEqualTo(1);
      assertThat(s.sum("shardledger_verifier_proof_answer_seconds_bucket", "le", "0.025")).isEqualTo(1);
      assertThat(s.sum("shardledger_verifier_proof_answer_seconds_bucket", "le", "0.01")).isZero();
      assertThat(s.sum("shardledger_verifier_reports_signed_total")).isEqualTo(1);
      assertThat(s.sum("shardledger_prover_challenges_answered_total")).isEqualTo(1);
      assertThat(s.sum("shardledger_prover_proof_answer_seconds_bucket", "le", "0.005")).isEqualTo(1);
      assertThat(s.sum("shardledger_prover_challenges_refused_total", "code", "NO_DATA")).isEqualTo(1);
      assertThat(s.sum("shardledger_prover_disputes_opened_total")).isEqualTo(1);
      assertThat(s.sum("shardledger_prover_disputes_answered_total")).isZero();
      assertThat(s.sum("shardledger_ledger_reports_total", "result", "rejected", "reason", "NOT_A_VERIFIER"))
          .isEqualTo(1);
      assertThat(s.sum("shardledger_ledger_settlements_total")).isEqualTo(1);
      assertThat(s.samples()).allMatch(x -> x.name().startsWith("shardledger_"));
    }
  }

  @Test
  void servesTheTextFormatAtSlashMetricsOnly() throws Exception {
    try (RoleMetrics metrics = new RoleMetrics("prover").serve(new InetSocketAddress("127.0.0.1", 0))) {
      new ProverMeters(metrics).challengeAnswered(Duration.ofMillis(1));
      URI url = metrics.url().orElseThrow();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(Scrape.parse(ok.body()).sum("shardledger_prover_challenges_answered_total", "role", "prover"))
          .isEqualTo(1);
      assertThat(http.send(HttpRequest.newBuilder(url.resolve("/other")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
      assertThat(http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
  }
}
