package org.shardledger.node.devnet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * The attack of issue 12 against a running in-process network: one stranger's proposal (price 0, no escrow, no
 * consent) with a last epoch of 2^64 − 2, one with a size of 2^63, and a registration with a capacity of 2^63 + 5,
 * all accepted by today's contract. Every Java follower must go on: the dispute watch still answers a dispute on
 * an honest deal, and the ledger keeps settling.
 */
class PoisonChainInputIT {
  private static final KeyPair PROPOSER = DevAccounts.key(3);
  private static final KeyPair REGISTRANT = DevAccounts.key(4);

  @TempDir
  Path dir;

  @Test
  void poisonProposalsAndRegistrationStopNeitherSettlementNorTheDisputeWatch() throws Exception {
    StringWriter text = new StringWriter();
    DevnetConfig config = new DevnetConfig(dir.resolve("devnet"), AnvilBinary.require(Path.of("")), 2, 1, 1, 0.5, 10,
        1, 200, 0);
    try (Devnet net = new Devnet(config, new PrintWriter(text, true))) {
      net.start();
      try (Chain reader = net.chain().connectReadOnly()) {
        await("a first settlement", Duration.ofSeconds(90), () -> reader.settlements().settledThrough() > 0);

        net.chain().fund(PROPOSER.address(), 10);
        net.chain().fund(REGISTRANT.address(), 1000);
        try (HostileTransactions proposer = new HostileTransactions(net.chain().rpcUrl(), net.chain().deployment(),
            PROPOSER); HostileTransactions registrant = new HostileTransactions(net.chain().rpcUrl(),
            net.chain().deployment(), REGISTRANT)) {
          attempt(() -> proposer.propose(DevnetAccounts.operator(0).address(), BigInteger.valueOf(4096),
              BigInteger.valueOf(reader.currentEpoch() + 2), HostileTransactions.TWO_64.subtract(BigInteger.TWO)));
          attempt(() -> proposer.propose(DevnetAccounts.operator(1).address(), HostileTransactions.TWO_63,
              BigInteger.valueOf(reader.currentEpoch() + 2), BigInteger.valueOf(reader.currentEpoch() + 6)));
          attempt(() -> registrant.register("127.0.0.1:1", HostileTransactions.TWO_63.add(BigInteger.valueOf(5)),
              Devnet.CREDIT.multiply(BigInteger.valueOf(100))));
        }
        long settledAtAttack = reader.settlements().settledThrough();

        KeyPair disputerKey = DevAccounts.key(0);
        long disputeId;
        try (Chain disputer = net.chain().connect(disputerKey)) {
          net.chain().fund(disputerKey.address(), 100);
          disputeId = disputer.disputes().open(net.deals().get(0), 0);
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(waitFor(Duration.ofSeconds(40), () -> reader.disputes().get(disputeId)
            .map(DisputeInfo::status).equals(Optional.of(DisputeInfo.Status.ANSWERED))))
            .as("the operator's dispute watch answered dispute %d on an honest deal after the attack; it is %s",
                disputeId, reader.disputes().get(disputeId).map(DisputeInfo::status))
            .isTrue();
        soft.assertThat(waitFor(Duration.ofSeconds(60),
            () -> reader.settlements().settledThrough() >= settledAtAttack + 3))
            .as("settlement went on after the attack (settled through %d at the attack, %d now)", settledAtAttack,
                reader.settlements().settledThrough())
            .isTrue();
        soft.assertAll();
      }
    }
  }

  /**
   * Sends one poison transaction. The contracts of issue 13 refuse these values (their bounds); today's Java must
   * hold whether the contract lets them through (as the contracts before did, when this test was written) or not.
   */
  private static void attempt(Check send) throws Exception {
    try {
      send.holds();
    } catch (java.io.IOException e) {
      if (!e.getMessage().contains("reverted")) {
        throw e;
      }
    }
  }

  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  private static boolean waitFor(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return true;
      }
      Thread.sleep(250);
    }
    return check.holds();
  }

  private static void await(String what, Duration timeout, Check check) throws Exception {
    if (!waitFor(timeout, check)) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
  }
}
