package org.shardledger.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.rpc.RpcClient;

/**
 * Balances and claim proofs come from the ledger's confirmed view, not from the chain: with the chain's RPC gone,
 * the ledger still answers both, saying the block they are as of; the claim it answers with is the one the chain
 * confirmed before the outage. (Before issue 17, ledger_getBalance read {@code claimed} live and answered
 * {@code unavailable} here.)
 */
class LedgerChainDownIT {
  static final KeyPair OPERATOR = LedgerOutageIT.OPERATOR;
  static final BigInteger PRICE = LedgerOutageIT.PRICE;

  @TempDir
  Path dir;

  @Test
  void balancesAndClaimProofsAreServedWhileTheChainRpcIsDown() throws Exception {
    try (TestNetwork net = TestNetwork.start(dir, 20); FlakyRpcProxy proxy = new FlakyRpcProxy(net.local.rpcUrl())) {
      TestNetwork.OneDeal d = net.dealFromNextEpoch(OPERATOR, LedgerOutageIT.OWNER, PRICE, 1);
      long epoch = d.epoch();
      String account = OPERATOR.address().toHex();
      try (LedgerRole ledger = LedgerRoleFactory.create(net.ledgerConfig(dir.resolve("ledger"), proxy.url()),
          TestNetwork.ledgerKey()).start()) {
        RpcClient rpc = new RpcClient(ledger.rpcUrl(), Duration.ofSeconds(10));
        net.mineToEpoch(epoch);
        net.allPass(rpc, epoch, d.id());
        net.mineToEpoch(epoch + 1);
        net.awaitRecorded(ledger, epoch);
        net.await(() -> proofServed(rpc, account), net.head() + 20, Duration.ofSeconds(60));

        JsonNode proof = rpc.call(MethodName.LEDGER_GET_CLAIM_PROOF, account);
        List<Bytes32> siblings = new ArrayList<>();
        proof.get("proof").forEach(p -> siblings.add(Bytes32.fromHex(p.asText())));
        try (Chain anyone = net.local.connect(DevAccounts.key(6))) {
          anyone.settlements().claim(OPERATOR.address(), quantity(proof, "cumulativeAmount"), siblings).mined();
        }
        net.await(() -> claimed(rpc, account).equals(PRICE), net.head() + 20, Duration.ofSeconds(60));

        proxy.goDown();
        net.local.rpc().mine(10);
        Thread.sleep(1500);
        JsonNode balance = rpc.call(MethodName.LEDGER_GET_BALANCE, account);
        assertThat(quantity(balance, "cumulative")).isEqualTo(PRICE);
        assertThat(quantity(balance, "claimed")).isEqualTo(PRICE);
        assertThat(quantity(balance, "claimable")).isZero();
        long asOf = quantity(balance, "asOfBlock").longValueExact();
        assertThat(asOf).as("as of a block before the outage").isPositive().isLessThan(net.head());
        JsonNode during = rpc.call(MethodName.LEDGER_GET_CLAIM_PROOF, account);
        assertThat(quantity(during, "asOfBlock").longValueExact()).isEqualTo(asOf);
        siblings.clear();
        during.get("proof").forEach(p -> siblings.add(Bytes32.fromHex(p.asText())));
        assertThat(PayoutTree.verify(Bytes32.fromHex(during.get("payoutRoot").asText()), OPERATOR.address(), PRICE,
            siblings)).isTrue();

        JsonNode status = org.shardledger.rpc.admin.AdminClient.connect(dir.resolve("ledger"), Duration.ofSeconds(10))
            .call(MethodName.ADMIN_STATUS);
        assertThat(status.get("role").asText()).isEqualTo("ledger");
        assertThat(status.get("confirmedBlock").asLong()).as("admin_status, also with the chain down").isEqualTo(asOf);

        proxy.restore();
        net.await(() -> asOfBlock(rpc, account) > asOf, net.head() + 30, Duration.ofSeconds(60));
      }
    }
  }

  static boolean proofServed(RpcClient rpc, String account) {
    try {
      rpc.call(MethodName.LEDGER_GET_CLAIM_PROOF, account);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static BigInteger claimed(RpcClient rpc, String account) {
    try {
      return quantity(rpc.call(MethodName.LEDGER_GET_BALANCE, account), "claimed");
    } catch (Exception e) {
      return BigInteger.ONE.negate();
    }
  }

  static long asOfBlock(RpcClient rpc, String account) {
    try {
      return quantity(rpc.call(MethodName.LEDGER_GET_BALANCE, account), "asOfBlock").longValueExact();
    } catch (Exception e) {
      return -1;
    }
  }

  static BigInteger quantity(JsonNode node, String field) {
    return Hex.parseQuantity(node.get(field).asText());
  }
}
