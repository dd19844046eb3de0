package org.shardledger.node.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.prover.LocalProverNetwork.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.crypto.Address;

/**
 * More disputes against one operator, opened in one block, than there are blocks in the answer window: the node
 * must answer them all in time (issue 14). Anvil with a 30M block gas limit; one block takes all the disputes, then
 * a block follows every second. One deal each, as the contracts before issue 14 demanded.
 */
class DisputeFloodIT {
  static final long WINDOW = 16;
  static final int DISPUTES = 24;

  @TempDir
  static Path dir;
  static LocalProverNetwork net;

  @BeforeAll
  static void start() throws Exception {
    List<Address> verifiers = List.of(DevAccounts.key(9).address());
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

  @Test
  void answersMoreDisputesOpenedInOneBlockThanTheWindowHasBlocks() throws Exception {
    try (ProverRole role = ProverRoleFactory.create(net.settingsForManyUploads(dir.resolve("node")))) {
      role.start();
      List<Long> deals = new ArrayList<>();
      for (int i = 0; i < DISPUTES; i++) {
        deals.add(net.stored(role, 100 + i).id());
      }
      LocalProverNetwork.OpenedInOneBlock opened = net.openInOneBlock(deals, 1_000_000);
      long started = System.nanoTime();
      long lastChance = opened.block() + 1 + 4 * WINDOW; // later than any deadline these disputes can have
      await("every dispute is answered, or all windows are closed", Duration.ofSeconds(4 * WINDOW * 3),
          () -> opened.disputeIds().stream().allMatch(id -> net.dispute(id).status() == DisputeInfo.Status.ANSWERED)
              || net.head() > lastChance);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(opened.disputeIds().stream().map(id -> net.dispute(id).status()).toList())
          .as("every dispute of the flood, answered").containsOnly(DisputeInfo.Status.ANSWERED).hasSize(DISPUTES);
      System.out.printf("DisputeFloodIT: %d disputes opened in block %d, all answered in %.1f s%n", DISPUTES,
          opened.block(), took.toMillis() / 1000.0);
    }
  }
}
