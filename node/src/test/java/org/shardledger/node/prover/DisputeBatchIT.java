package org.shardledger.node.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.prover.LocalProverNetwork.DISPUTER;
import static org.shardledger.node.prover.LocalProverNetwork.OPERATOR;
import static org.shardledger.node.prover.LocalProverNetwork.await;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.prover.ProverStatusLog.Event;

/**
 * The largest batch of disputes the court's rules let anyone open against one operator (its {@code batchLimit}:
 * 120 with the default 64-block window), all in one block of a 30M-gas chain (Anvil), against one running node:
 * every one is answered in time. Prints how long it took and what the answers cost. By hand, {@code
 * -Dshardledger.disputes=N} opens N instead (up to 146, what one 30M block holds at 205k gas each: the ones beyond
 * the batch go into the operator's next batch, one window later).
 */
class DisputeBatchIT {
  static final long OPEN_GAS = 205_000; // each open's gas limit (the first costs 196k): 146 fit one 30M block

  @TempDir
  static Path dir;
  static LocalProverNetwork net;

  @BeforeAll
  static void start() throws Exception {
    net = LocalProverNetwork.start(dir, DeployParameters.local(1000, List.of(DevAccounts.key(9).address()), 1));
    net.local.fund(DISPUTER.address(), 5000); // bonds of 10 credits for up to 500 disputes
  }

  @AfterAll
  static void stop() throws IOException {
    net.close();
  }

  @Test
  void answersTheLargestBatchOpenedInOneBlockInTime() throws Exception {
    long limit = net.owner.disputes().batchLimit();
    long window = net.owner.disputes().answerWindow();
    int count = Integer.getInteger("shardledger.disputes", (int) limit);
    try (ProverRole role = ProverRoleFactory.create(net.settings(dir.resolve("node"), Optional.empty()))) {
      role.start();
      Deal deal = net.stored(role, 7);
      BigInteger gasFunds = net.owner.nativeBalance(OPERATOR.address());
      LocalProverNetwork.OpenedInOneBlock opened = net.openInOneBlock(Collections.nCopies(count, deal.id()),
          OPEN_GAS);
      long started = System.nanoTime();
      List<Long> ids = opened.disputeIds();
      long lastDeadline = ids.stream().mapToLong(id -> net.dispute(id).beaconBlock()).max().orElseThrow() + window;

      await("every dispute is answered, or every window closed",
          Duration.ofSeconds(3 * (lastDeadline - opened.block()) + 60),
          () -> ids.stream().allMatch(id -> net.dispute(id).status() == DisputeInfo.Status.ANSWERED)
              || net.head() > lastDeadline);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(ids.stream().map(id -> net.dispute(id).status()).toList()).as("every dispute, answered")
          .containsOnly(DisputeInfo.Status.ANSWERED).hasSize(count);
      assertThat(role.status().count(Event.DISPUTES_FALLING_BEHIND)).as("the node kept up").isZero();

      long answerGas = 0;
      long lastBlock = net.head();
      for (long b = opened.block() + 1; b <= lastBlock; b++) {
        answerGas += net.local.rpc().blockGasUsed(b);
      }
      BigInteger spent = gasFunds.subtract(net.owner.nativeBalance(OPERATOR.address()));
      System.out.printf("DisputeBatchIT: batch limit %d, %d disputes opened in block %d (%,d gas for the opens); "
              + "all answered %.1f s after (1 s blocks, %d-block window, last deadline block %d); answers: %,d gas "
              + "in all, %,d each; the operator paid %s wei in fees%n", limit, count, opened.block(),
          net.local.rpc().blockGasUsed(opened.block()), took.toMillis() / 1000.0, window, lastDeadline, answerGas,
          answerGas / count, spent);
    }
  }
}
