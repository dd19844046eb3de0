package org.shardledger.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.ledger.TestNetwork.CREDIT;
import org.shardledger.rpc.MethodName;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DealRecord;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.rpc.RpcClient;

/**
 * Deal lifecycle v2 end to end on Anvil: the owner ends its six-epoch deal in its second epoch; the real ledger and
 * its verifiers settle it paid through that epoch and refund the other four epochs to the owner through the payout
 * tree; the owner claims the refund on chain.
 */
class OwnerEndsDealIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(3);
  static final BigInteger PRICE = CREDIT.multiply(BigInteger.TEN);

  @TempDir
  Path dir;

  @Test
  void anOwnerEndedDealIsPaidThroughItsEndEpochAndTheRestIsRefundedToTheOwner() throws Exception {
    try (TestNetwork net = TestNetwork.start(dir, 20)) {
      TestNetwork.OneDeal deal = net.dealFromNextEpoch(OPERATOR, OWNER, PRICE, 6);
      long first = deal.epoch();
      try (LedgerRole ledger = LedgerRoleFactory.create(net.ledgerConfig(dir.resolve("ledger")),
          TestNetwork.ledgerKey()).start();
          Chain owner = net.local.connect(OWNER)) {
        RpcClient rpc = new RpcClient(ledger.rpcUrl(), Duration.ofSeconds(10));
        net.mineToEpoch(first);
        awaitLedgerIn(net, rpc, first);
        net.allPass(rpc, first, deal.id());
        net.mineToEpoch(first + 1);
        awaitLedgerIn(net, rpc, first + 1);
        owner.deals().end(deal.id()).mined();
        DealRecord ended = owner.deals().get(deal.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(DealStatus.ENDED);
        assertThat(ended.endEpoch()).isEqualTo(first + 1);
        net.allPass(rpc, first + 1, deal.id());
        net.mineToEpoch(first + 2);
        // balances are answered from the confirmed view, which follows the stored settlement by the confirmation
        // depth: wait for the refund there, not only for the settlement in the store (it read 0 under load)
        net.awaitConfirming(() -> covered(ledger, first + 2) && refunded(rpc, OWNER),
            net.local.deployment().epochStartBlock(first + 3) + 16, Duration.ofSeconds(90));

        assertThat(balance(rpc, OPERATOR)).as("paid through the end epoch").isEqualTo(PRICE.multiply(BigInteger.TWO));
        assertThat(balance(rpc, OWNER)).as("the other four epochs refunded")
            .isEqualTo(PRICE.multiply(BigInteger.valueOf(4)));
        assertThat(owner.settlements().settledThrough()).isGreaterThan(first + 2);

        com.fasterxml.jackson.databind.JsonNode proof = rpc.call(MethodName.LEDGER_GET_CLAIM_PROOF,
            OWNER.address().toHex());
        java.util.List<Bytes32> siblings = new java.util.ArrayList<>();
        proof.get("proof").forEach(p -> siblings.add(Bytes32.fromHex(p.asText())));
        BigInteger before = owner.credits().balanceOf(OWNER.address());
        owner.settlements().claim(OWNER.address(), PRICE.multiply(BigInteger.valueOf(4)), siblings).mined();
        assertThat(owner.credits().balanceOf(OWNER.address()).subtract(before))
            .isEqualTo(PRICE.multiply(BigInteger.valueOf(4)));
      }
    }
  }

  /** Waits until the ledger's own view of the chain has reached {@code epoch} (it refuses reports before). */
  static void awaitLedgerIn(TestNetwork net, RpcClient rpc, long epoch) throws Exception {
    net.await(() -> {
      try {
        return Hex.parseLongQuantity(rpc.call(MethodName.LEDGER_EPOCH).get("currentEpoch").asText()) >= epoch;
      } catch (Exception e) {
        return false;
      }
    }, net.local.deployment().epochStartBlock(epoch) + 2, Duration.ofSeconds(30));
  }

  static BigInteger balance(RpcClient rpc, KeyPair account) throws Exception {
    return Hex.parseQuantity(rpc.call(MethodName.LEDGER_GET_BALANCE,
        account.address().toHex()).get("cumulative").asText());
  }

  static boolean refunded(RpcClient rpc, KeyPair owner) {
    try {
      return balance(rpc, owner).signum() > 0;
    } catch (Exception e) {
      return false;
    }
  }

  static boolean covered(LedgerRole ledger, long epoch) {
    try {
      return ledger.stores().settlements().covering(epoch).isPresent();
    } catch (IOException e) {
      return false;
    }
  }
}
