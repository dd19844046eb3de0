package org.shardledger.node.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.prover.LocalProverNetwork.DISPUTER;
import static org.shardledger.node.prover.LocalProverNetwork.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilRpc;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.deal.Deal;

/**
 * More disputes against one operator, opened in one block, than there are blocks in the answer window: the node
 * must answer them all in time (issue 14). Anvil with a 30M block gas limit; mining is stopped while the disputes
 * are sent, one block takes them all, then a block follows every second.
 */
class DisputeFloodIT {
  static final long WINDOW = 16;
  static final int DISPUTES = 24;
  static final String OPEN_DISPUTE = "0xdc688e98"; // openDispute(uint256,uint8)
  static final String APPROVE = "0x095ea7b3"; // approve(address,uint256)

  @TempDir
  static Path dir;
  static LocalProverNetwork net;

  @BeforeAll
  static void start() throws Exception {
    List<org.shardledger.protocol.crypto.Address> verifiers = List.of(DevAccounts.key(9).address());
    DeployParameters local = DeployParameters.local(1000, verifiers, 1);
    net = LocalProverNetwork.start(dir, new DeployParameters(local.epochLength(), WINDOW,
        local.settlementLagBlocks(), WINDOW + 1 + local.settlementLagBlocks() + 32, local.maxDealEpochs(),
        local.maxShardSize(), local.maxCapacity(), local.minStake(), local.disputeBond(), local.disputeSlash(),
        local.disputeReward(), verifiers, 1));
  }

  @AfterAll
  static void stop() throws IOException {
    net.close();
  }

  private static DisputeInfo dispute(long disputeId) {
    try {
      return net.disputer.disputes().get(disputeId).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }

  private static JsonNode mined(AnvilRpc rpc, String hash) throws Exception {
    JsonNode receipt = null;
    for (int i = 0; i < 200 && receipt == null; i++) {
      receipt = rpc.receipt(hash);
      if (receipt == null) {
        Thread.sleep(20);
      }
    }
    assertThat(receipt).as("receipt of " + hash).isNotNull();
    assertThat(receipt.get("status").asText()).as("status of " + hash).isEqualTo("0x1");
    return receipt;
  }

  @Test
  void answersMoreDisputesOpenedInOneBlockThanTheWindowHasBlocks() throws Exception {
    AnvilRpc rpc = net.local.rpc();
    String disputer = DISPUTER.address().toHex();
    String court = net.local.deployment().disputeCourt().toHex();
    try (ProverRole role = ProverRoleFactory.create(net.settingsForManyUploads(dir.resolve("node")))) {
      role.start();
      List<Deal> deals = new ArrayList<>();
      for (int i = 0; i < DISPUTES; i++) {
        deals.add(net.stored(role, 100 + i));
      }
      mined(rpc, rpc.sendUnlocked(disputer, net.local.deployment().credit().toHex(),
          APPROVE + "0".repeat(24) + court.substring(2) + "f".repeat(64), 100_000));

      rpc.setIntervalMining(0);
      List<String> sent = new ArrayList<>();
      for (Deal deal : deals) {
        sent.add(rpc.sendUnlocked(disputer, court, OPEN_DISPUTE + word(deal.id()) + word(0), 1_000_000));
      }
      long started = System.nanoTime();
      rpc.mine(1);
      rpc.setIntervalMining(1);
      List<Long> ids = new ArrayList<>();
      long openBlock = -1;
      for (String hash : sent) {
        JsonNode receipt = mined(rpc, hash);
        long block = Long.decode(receipt.get("blockNumber").asText());
        assertThat(openBlock == -1 || block == openBlock).as("all opened in one block").isTrue();
        openBlock = block;
        // DisputeOpened(uint256 indexed disputeId, ...): the court's first log
        ids.add(new BigInteger(receipt.get("logs").get(receipt.get("logs").size() - 1).get("topics").get(1)
            .asText().substring(2), 16).longValueExact());
      }
      long lastChance = openBlock + 1 + 4 * WINDOW; // later than any deadline these disputes can have
      await("every dispute is answered, or all windows are closed", Duration.ofSeconds(4 * WINDOW * 3),
          () -> ids.stream().allMatch(id -> dispute(id).status() == DisputeInfo.Status.ANSWERED)
              || blockNumber() > lastChance);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      List<DisputeInfo.Status> statuses = ids.stream().map(id -> dispute(id).status()).toList();
      assertThat(statuses).as("every dispute of the flood, answered").containsOnly(DisputeInfo.Status.ANSWERED)
          .hasSize(DISPUTES);
      System.out.printf("DisputeFloodIT: %d disputes opened in block %d, all answered in %.1f s%n", DISPUTES,
          openBlock, took.toMillis() / 1000.0);
    }
  }

  private static long blockNumber() {
    try {
      return net.owner.blockNumber();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
