package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shardledger.node.devnet.HostileAnswers.IFRAME;
import static org.shardledger.node.devnet.HostileAnswers.IMG;
import static org.shardledger.node.devnet.HostileAnswers.SCRIPT;
import static org.shardledger.node.devnet.HostileAnswers.method;
import static org.shardledger.node.devnet.HostileAnswers.quote;
import static org.shardledger.node.devnet.HostileAnswers.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.dashboard.ClaimSender;
import org.shardledger.prover.dashboard.Dashboard;
import org.shardledger.prover.dashboard.NodeHealth;
import org.shardledger.prover.rpc.RpcLedgerReads;
import org.shardledger.prover.rpc.RpcVerifierReads;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.RpcServer;
import org.shardledger.rpc.admin.AdminClient;
import org.shardledger.rpc.admin.AdminServer;
import org.shardledger.rpc.MethodName;

/**
 * The dashboard against a hostile ledger and hostile verifiers (real servers on loopback, the page in headless
 * Chromium): markup in an audit reason, a reputation, an epoch or an amount is shown as text and runs nothing;
 * malformed numbers show as "?"; an oversized answer is refused by the node and named on the page; URLs that are
 * not http(s) are not followed; a claim proof that is too long is refused before anything is sent.
 */
class DashboardHostileIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void hostileAnswersAreShownAsTextAndRunNothing() throws Exception {
    Address operator = DevnetAccounts.operator(0).address();
    AtomicInteger claimsSent = new AtomicInteger();
    try (RpcServer verifier = serve(method(MethodName.VERIFIER_GET_AUDIT_RESULTS.wire(),
        "[{\"epoch\":\"0x2\",\"dealId\":\"0x7\","
            + "\"operator\":\"" + operator + "\",\"outcome\":\"FAIL\",\"reason\":" + quote(IMG) + ",\"detail\":"
            + quote(SCRIPT) + "}]"),
            method(MethodName.VERIFIER_GET_REPUTATION.wire(),
                "{\"standing\":" + quote(IFRAME) + ",\"auditScore\":" + quote(IMG)
                + ",\"passes\":\"0xZZ\",\"changes\":[{\"epoch\":\"0x2\",\"dealId\":\"0x7\",\"outcome\":"
                + quote(IMG) + ",\"reason\":" + quote(SCRIPT) + "}]}"));
        RpcServer oversized = serve(method(MethodName.VERIFIER_GET_AUDIT_RESULTS.wire(),
            "[{\"reason\":\"" + "x".repeat(2 << 20) + "\"}]"),
            method(MethodName.VERIFIER_GET_REPUTATION.wire(), "{}"));
        RpcServer ledger = serve(method("ledger_epoch", "{\"currentEpoch\":\"0x3\",\"lastSettledEpoch\":"
                + quote(IMG) + ",\"nextEpochToSettle\":" + quote(SCRIPT) + ",\"pending\":null}"),
            method("ledger_getBalance", "{\"account\":" + quote(IMG) + ",\"cumulative\":\"0x8ac7230489e80000\","
                + "\"claimed\":\"0x0\",\"claimable\":" + quote("<b>9</b>") + ",\"asOfBlock\":" + quote(IMG) + "}"),
            method("ledger_getPayouts", "{\"payouts\":[{\"epoch\":\"0x1\",\"amount\":\"0x8ac7230489e80000\"},"
                + "{\"epoch\":" + quote(SCRIPT) + ",\"amount\":\"0x1\"},{\"epoch\":\"0x2\",\"amount\":"
                + quote(IMG) + "},{\"epoch\":\"0x3\",\"amount\":\"-0x5\"}]}"),
            method("ledger_getClaimProof", "{\"account\":\"" + operator + "\",\"epoch\":\"0x1\",\"payoutRoot\":\"0x"
                + "ab".repeat(32) + "\",\"cumulativeAmount\":\"0x8ac7230489e80000\",\"asOfBlock\":\"0x9\","
                + "\"proof\":[" + ("\"0x" + "ab".repeat(32) + "\",").repeat(100) + "\"0x" + "ab".repeat(32) + "\"]}"))) {
      URI[] verifiers = {verifier.url(), oversized.url(), URI.create("http://127.0.0.1:1")};
      try (RpcServer ledgerWithVerifiers = serveLedger(ledger, verifiers);
          AdminServer admin = adminServer(operator, ledgerWithVerifiers.url(), claimsSent)) {
        JsonNode page = PageDriver.snapshot(admin.pageUrl("/"), "--wait-bars", "1");
        var client = AdminClient.connect(dir.resolve("operator"), Duration.ofSeconds(10));
        String audits = client.call(MethodName.DASHBOARD_AUDITS).toString();

        assertThat(page.get("images").asInt()).as("no markup from the answers became elements").isZero();
        assertThat(page.get("pwned").isNull()).as("nothing ran").isTrue();
        assertThat(page.get("consoleErrors").toString()).doesNotContain("pwned");
        List<JsonNode> fail = new ArrayList<>();
        page.get("audits").forEach(r -> {
          if (r.get(3).asText().equals("FAIL")) {
            fail.add(r);
          }
        });
        assertThat(fail).hasSize(1);
        assertThat(fail.get(0).get(4).asText()).as("the reason, literally").isEqualTo(IMG);
        assertThat(fail.get(0).get(5).asText()).isEqualTo(SCRIPT);
        assertThat(page.get("audits").toString()).as("the oversized verifier is named with the node's refusal; "
            + "dashboard_audits: " + audits.substring(0, Math.min(2000, audits.length())))
            .contains(oversized.url().toString()).contains("with more than " + RpcLedgerReads.MAX_ANSWER_BYTES
                + " bytes").doesNotContain("javascript:");
        assertThat(page.get("reputation").asText()).contains(IFRAME).contains("? pass");
        assertThat(page.get("claimable").asText()).isEqualTo("?");
        assertThat(page.get("cumulative").asText()).isEqualTo("10.00");
        assertThat(page.get("claimEnabled").asBoolean()).as("no claim on a value that is not a number").isFalse();
        assertThat(page.get("bars").toString()).as("only well-formed payouts are drawn")
            .isEqualTo("[{\"epoch\":\"1\",\"amount\":\"10000000000000000000\"}]");
        assertThat(page.get("attention").toString()).contains("gas funds are low");

        assertThatThrownBy(() -> client.call(MethodName.DASHBOARD_CLAIM)).isInstanceOf(RpcException.class)
            .hasMessageContaining("proof: at most 64 elements, got 101");
        assertThat(claimsSent).as("nothing was sent on a malformed proof").hasValue(0);
      }
    }
  }

  /** A ledger that answers every method of {@code base} and names {@code verifiers} for reputations. */
  private static RpcServer serveLedger(RpcServer base, URI... verifiers) throws IOException {
    List<String> urls = new ArrayList<>();
    for (URI v : verifiers) {
      urls.add(v.toString());
    }
    urls.add("javascript:window.pwned=3");
    RpcDispatcher d = new RpcDispatcher();
    for (String name : List.of("ledger_epoch", "ledger_getBalance", "ledger_getPayouts", "ledger_getClaimProof")) {
      d.register(forward(name, base.url()));
    }
    d.register(new RpcMethod() {
      @Override
      public String name() {
        return MethodName.AUDIT_GET_REPUTATION.wire();
      }

      @Override
      public JsonNode execute(RpcParams params) throws RpcException {
        throw new RpcException(RpcError.NOT_FOUND, "ask a verifier", JSON.createObjectNode().set("verifiers",
            JSON.valueToTree(urls)));
      }
    });
    return RpcServer.start(new InetSocketAddress("127.0.0.1", 0), d);
  }

  private static RpcMethod forward(String name, URI to) {
    org.shardledger.rpc.RpcClient client = new org.shardledger.rpc.RpcClient(to, Duration.ofSeconds(10));
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public JsonNode execute(RpcParams params) throws RpcException, IOException {
        return client.call(name);
      }
    };
  }

  private AdminServer adminServer(Address operator, URI ledger, AtomicInteger claimsSent) throws IOException {
    Path data = dir.resolve("operator");
    ShardStore store = ShardStore.open(data, 1L << 30);
    NodeHealth health = new NodeHealth() {
      @Override
      public BigInteger gasBalance() {
        return BigInteger.ZERO;
      }

      @Override
      public long headBlock() {
        return 10;
      }

      @Override
      public long lagBlocks() {
        return 1;
      }
    };
    ClaimSender claims = new ClaimSender() {
      @Override
      public BigInteger claimed(Address account) {
        return BigInteger.ZERO;
      }

      @Override
      public Sent claim(Address account, BigInteger cumulativeAmount, List<Bytes32> proof) {
        claimsSent.incrementAndGet();
        return new Sent(Bytes32.ZERO, 1, null);
      }
    };
    RpcDispatcher methods = new RpcDispatcher();
    Dashboard.methods(operator, store, List::of, health, Optional.of(new RpcLedgerReads(ledger)),
        RpcVerifierReads::new, claims).forEach(methods::register);
    return AdminServer.start(data, new InetSocketAddress("127.0.0.1", 0), methods, Optional.of(Dashboard.pages()));
  }
}
