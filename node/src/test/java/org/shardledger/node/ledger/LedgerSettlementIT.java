package org.shardledger.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.ledger.TestNetwork.CREDIT;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.rpc.RpcClient;

/**
 * Four epochs of a small network on Anvil, settled by a real ledger with three in-process verifiers (t = 2): an
 * honest operator, an operator that lost its data, a verifier that lies about the honest one in the second epoch and
 * is offline in the third. Each test checks one consequence.
 */
class LedgerSettlementIT {
  static final KeyPair HONEST = DevAccounts.key(1);
  static final KeyPair LOSER = DevAccounts.key(2);
  static final KeyPair OWNER = DevAccounts.key(3);
  static final BigInteger PRICE_A = CREDIT.multiply(BigInteger.TEN);
  static final BigInteger PRICE_B = CREDIT.multiply(BigInteger.valueOf(5));
  static final long EPOCH_LENGTH = 20;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static TestNetwork net;
  static LedgerRole ledger;
  static RpcClient rpc;
  static long first;
  static long dealA;
  static long dealB;
  static final List<Map<Address, BigInteger>> balancesAfterEachEpoch = new ArrayList<>();

  @BeforeAll
  static void settleFourEpochs() throws Exception {
    net = TestNetwork.start(dir, EPOCH_LENGTH);
    net.registerOperator(HONEST, 100);
    net.registerOperator(LOSER, 200);
    first = net.epoch() + 1;
    dealA = net.deal(OWNER, HONEST, PRICE_A, first, first + 3);
    dealB = net.deal(OWNER, LOSER, PRICE_B, first, first + 5);
    ledger = LedgerRoleFactory.create(net.ledgerConfig(dir.resolve("ledger")), TestNetwork.ledgerKey()).start();
    rpc = new RpcClient(ledger.rpcUrl(), Duration.ofSeconds(10));

    for (long e = first; e <= first + 3; e++) {
      net.mineToEpoch(e);
      boolean bFails = e <= first + 1;
      for (int v = 0; v < 3; v++) {
        if (v == 2 && e == first + 2) {
          net.verifiers.get(2).goOffline();
          continue;
        }
        Map<Long, AuditOutcome> outcomes = new HashMap<>();
        outcomes.put(dealA, v == 2 && e == first + 1 ? AuditOutcome.FAIL : AuditOutcome.PASS);
        if (e <= first + 1) {
          outcomes.put(dealB, bFails ? AuditOutcome.FAIL : AuditOutcome.PASS);
        }
        assertThat(TestNetwork.submit(rpc, net.report(v, e, outcomes)).get("status").asText()).isEqualTo("ACCEPTED");
      }
      long epoch = e;
      net.awaitConfirming(() -> settled(epoch), lastBlockOf(e) + 16, Duration.ofSeconds(60));
      net.verifiers.get(2).comeBack();
      Map<Address, BigInteger> balances = new HashMap<>();
      for (KeyPair k : List.of(HONEST, LOSER, OWNER)) {
        balances.put(k.address(), Hex.parseQuantity(rpc.call(MethodName.LEDGER_GET_BALANCE, k.address().toHex())
            .get("cumulative").asText()));
      }
      balancesAfterEachEpoch.add(balances);
    }
  }

  static long lastBlockOf(long epoch) {
    return net.local.deployment().epochStartBlock(epoch + 1) - 1;
  }

  static boolean settled(long epoch) {
    try {
      return ledger.stores().settlements().covering(epoch).isPresent();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (ledger != null) {
      ledger.close();
    }
    if (net != null) {
      net.close();
    }
  }

  /** The ledger's balance shows the claim once its mirror has it confirmed (it never asks the chain). */
  static boolean claimedSeen(Address account, BigInteger amount) {
    try {
      return quantity(rpc.call(MethodName.LEDGER_GET_BALANCE, account.toHex()), "claimed").equals(amount);
    } catch (Exception e) {
      return false;
    }
  }

  static BigInteger quantity(JsonNode node, String field) {
    return Hex.parseQuantity(node.get(field).asText());
  }

  @Test
  void anHonestOperatorEarnsExactlyPriceTimesEpochsAndClaimsItOnChain() throws Exception {
    JsonNode balance = rpc.call(MethodName.LEDGER_GET_BALANCE, HONEST.address().toHex());
    BigInteger earned = PRICE_A.multiply(BigInteger.valueOf(4));
    assertThat(quantity(balance, "cumulative")).isEqualTo(earned);

    JsonNode proof = rpc.call(MethodName.LEDGER_GET_CLAIM_PROOF, HONEST.address().toHex());
    List<Bytes32> siblings = new ArrayList<>();
    proof.get("proof").forEach(p -> siblings.add(Bytes32.fromHex(p.asText())));
    assertThat(PayoutTree.verify(Bytes32.fromHex(proof.get("payoutRoot").asText()), HONEST.address(), earned,
        siblings)).isTrue();
    try (Chain anyone = net.local.connect(DevAccounts.key(6))) {
      BigInteger before = anyone.credits().balanceOf(HONEST.address());
      anyone.settlements().claim(HONEST.address(), quantity(proof, "cumulativeAmount"), siblings).mined();
      assertThat(anyone.credits().balanceOf(HONEST.address()).subtract(before)).isEqualTo(earned);
      assertThat(anyone.settlements().claimed(HONEST.address())).isEqualTo(earned);
    }
    net.await(() -> claimedSeen(HONEST.address(), earned), net.head() + 20, Duration.ofSeconds(60));
    JsonNode after = rpc.call(MethodName.LEDGER_GET_BALANCE, HONEST.address().toHex());
    assertThat(quantity(after, "claimable")).isZero();
    assertThat(quantity(after, "asOfBlock").longValue()).isGreaterThan(0);
    assertThat(net.reader.operators().get(HONEST.address()).orElseThrow().stake())
        .as("never slashed").isEqualTo(CREDIT.multiply(BigInteger.valueOf(100)));
  }

  @Test
  void aLyingVerifierNeitherFailsTheHonestOperatorNorGoesUnrecorded() throws Exception {
    JsonNode results = rpc.call(MethodName.AUDIT_GET_RESULTS, JSON.createObjectNode().put("epoch",
        Hex.quantity(first + 1))
        .put("dealId", Hex.quantity(dealA))).get("results");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).get("outcome").asText()).isEqualTo("PASS");
    assertThat(results.get(0).get("fail").asText()).isEqualTo("0x1");
    JsonNode disagreement = results.get(0).get("disagreements").get(0);
    assertThat(disagreement.get("verifier").asText()).isEqualTo(TestNetwork.VERIFIER_KEYS.get(2).address().toString());
    assertThat(disagreement.get("reported").asText()).isEqualTo("FAIL");

    JsonNode byLiar = rpc.call(MethodName.AUDIT_GET_RESULTS, JSON.createObjectNode().put("fromEpoch",
        Hex.quantity(first))
        .put("toEpoch", Hex.quantity(first + 3)).put("verifier", TestNetwork.VERIFIER_KEYS.get(2).address().toHex()))
        .get("results");
    assertThat(byLiar).as("the liar disagreed once").hasSize(1);
  }

  @Test
  void anOfflineVerifierDoesNotStopSettlementAndCatchesUpWhenItIsBack() throws Exception {
    JsonNode third = rpc.call(MethodName.LEDGER_GET_SETTLEMENT, Hex.quantity(first + 2));
    assertThat(third.get("signers")).extracting(JsonNode::asText).containsExactly(
        TestNetwork.VERIFIER_KEYS.get(0).address().toString(), TestNetwork.VERIFIER_KEYS.get(1).address().toString());
    assertThat(third.get("transactionHash").asText()).startsWith("0x");

    JsonNode fourth = rpc.call(MethodName.LEDGER_GET_SETTLEMENT, Hex.quantity(first + 3));
    assertThat(fourth.get("signers")).extracting(JsonNode::asText)
        .contains(TestNetwork.VERIFIER_KEYS.get(2).address().toString());
    TestVerifier back = net.verifiers.get(2);
    assertThat(back.store.settled(first + 2).orElseThrow().signatures()).as("replayed, not signed").isEmpty();
    assertThat(back.store.settled(first + 2).orElseThrow().tx()).isPresent();
  }

  @Test
  void anOperatorThatLostItsDataIsSlashedItsOwnerRefundedAndTheDealEndedAfterTwoFailures() throws Exception {
    BigInteger slash = PRICE_B.multiply(BigInteger.TEN);
    assertThat(net.reader.operators().get(LOSER.address()).orElseThrow().stake())
        .isEqualTo(CREDIT.multiply(BigInteger.valueOf(200)).subtract(slash.multiply(BigInteger.TWO)));
    assertThat(rpc.call(MethodName.LEDGER_GET_SETTLEMENT,
        Hex.quantity(first + 1)).get("slashes").get(0).get("amount").asText())
        .isEqualTo(Hex.quantity(slash));

    JsonNode deal = rpc.call(MethodName.DEAL_GET, Hex.quantity(dealB));
    assertThat(deal.get("settlement").get("terminated").asBoolean()).isTrue();
    assertThat(deal.get("settlement").get("fails").asText()).isEqualTo("0x2");
    JsonNode entries = rpc.call(MethodName.AUDIT_GET_RESULTS, JSON.createObjectNode().put("fromEpoch",
        Hex.quantity(first))
        .put("toEpoch", Hex.quantity(first + 3)).put("dealId", Hex.quantity(dealB))).get("results");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("events")).extracting(e -> e.get("type").asText())
        .containsExactly("FAILED", "TERMINATED");
    // the termination reached the chain in the signed settlement: the deal is Ended there, no longer disputable
    // and no longer counted against its operator
    assertThat(rpc.call(MethodName.LEDGER_GET_SETTLEMENT, Hex.quantity(first + 1)).get("terminations"))
        .extracting(JsonNode::asText).containsExactly(Hex.quantity(dealB));
    org.shardledger.contracts.chain.DealRecord onChain = net.reader.deals().get(dealB).orElseThrow();
    assertThat(onChain.status()).isEqualTo(org.shardledger.protocol.deal.DealStatus.ENDED);
    assertThat(onChain.endEpoch()).isEqualTo(first + 1);
    assertThat(net.reader.operators().get(LOSER.address()).orElseThrow().activeDeals()).isZero();

    BigInteger escrowB = PRICE_B.multiply(BigInteger.valueOf(6));
    assertThat(quantity(rpc.call(MethodName.LEDGER_GET_BALANCE, OWNER.address().toHex()),
        "cumulative")).isEqualTo(escrowB);
    JsonNode proof = rpc.call(MethodName.LEDGER_GET_CLAIM_PROOF, OWNER.address().toHex());
    List<Bytes32> siblings = new ArrayList<>();
    proof.get("proof").forEach(p -> siblings.add(Bytes32.fromHex(p.asText())));
    try (Chain owner = net.local.connect(OWNER)) {
      BigInteger before = owner.credits().balanceOf(OWNER.address());
      owner.settlements().claim(OWNER.address(), escrowB, siblings).mined();
      assertThat(owner.credits().balanceOf(OWNER.address()).subtract(before)).isEqualTo(escrowB);
    }
  }

  @Test
  void everyVerifierKeepsTheAmountsOfTheRootsItSignedSoClaimsSurviveTheLedger() throws Exception {
    long last = first + 3;
    Map<Address, BigInteger> ledgers = ledger.stores().settlements().amountsAt(last);
    for (TestVerifier v : net.verifiers) {
      assertThat(v.store.amountsAt(last)).isEqualTo(ledgers);
      assertThat(v.store.settled(last).orElseThrow().settlement())
          .isEqualTo(ledger.stores().settlements().settled(last).orElseThrow().settlement());
    }
  }

  @Test
  void noAccountsCumulativeAmountEverDecreasesAndEachEpochSettledOnce() throws Exception {
    for (int i = 1; i < balancesAfterEachEpoch.size(); i++) {
      for (Map.Entry<Address, BigInteger> e : balancesAfterEachEpoch.get(i).entrySet()) {
        assertThat(e.getValue()).isGreaterThanOrEqualTo(balancesAfterEachEpoch.get(i - 1).get(e.getKey()));
      }
    }
    JsonNode payouts = rpc.call(MethodName.LEDGER_GET_PAYOUTS, HONEST.address().toHex(), Hex.quantity(0),
        Hex.quantity(first + 3)).get("payouts");
    assertThat(payouts).extracting(p -> Hex.parseQuantity(p.get("amount").asText())).containsOnly(PRICE_A);
    assertThat(net.reader.settlements().settledThrough()).isEqualTo(first + 4);
    JsonNode epoch = rpc.call(MethodName.LEDGER_EPOCH);
    assertThat(epoch.get("nextEpochToSettle").asText()).isEqualTo(Hex.quantity(first + 4));
  }
}
