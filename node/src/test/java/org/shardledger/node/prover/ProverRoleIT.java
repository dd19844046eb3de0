package org.shardledger.node.prover;

import org.shardledger.node.roles.HostPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shardledger.node.prover.LocalProverNetwork.OPERATOR;
import static org.shardledger.node.prover.LocalProverNetwork.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.events.FileCursorStore;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.prover.ProverStatusLog.Event;

/**
 * The prover role as the command runs it — real node on 127.0.0.1, real contracts on Anvil mining every 0.2 s —
 * facing disputes it must answer by itself.
 */
class ProverRoleIT {
  // two 64-block windows at 0.2 s: a dispute opened soon after another waits for the operator's next answer batch
  static final Duration WINDOW = Duration.ofSeconds(30);

  @TempDir
  static Path dir;
  static LocalProverNetwork net;

  @BeforeAll
  static void start() throws Exception {
    net = LocalProverNetwork.start(dir);
  }

  @AfterAll
  static void stop() throws IOException {
    net.close();
  }

  private static DisputeInfo.Status status(long disputeId) {
    try {
      return net.disputer.disputes().get(disputeId).orElseThrow().status();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProverRole started(Path dataDir, Optional<HostPort> endpoint) throws Exception {
    ProverRole role = ProverRoleFactory.create(net.settings(dataDir, endpoint));
    try {
      role.start();
      return role;
    } catch (Exception e) {
      role.close();
      throw e;
    }
  }

  private static Deal stored(ProverRole role, long seed) throws Exception {
    return net.stored(role, seed);
  }

  @Test
  void answersADisputeByItselfInTimeAndTheBondGoesToTheOperator() throws Exception {
    try (ProverRole role = started(dir.resolve("answers"), Optional.empty())) {
      Deal deal = stored(role, 1);
      BigInteger before = net.owner.credits().balanceOf(OPERATOR.address());
      long disputeId = net.disputer.disputes().open(deal.id(), 0);
      DisputeInfo opened = net.disputer.disputes().get(disputeId).orElseThrow();

      await("the node says it answered", WINDOW, () -> role.status().count(Event.DISPUTE_ANSWERED) == 1);
      assertThat(status(disputeId)).isEqualTo(DisputeInfo.Status.ANSWERED);
      assertThat(net.owner.blockNumber() - opened.beaconBlock()).as("blocks it took, of a 64-block window")
          .isLessThan(20);
      assertThat(net.owner.credits().balanceOf(OPERATOR.address())).isEqualTo(before.add(opened.bond()));
      assertThat(role.status().count(Event.DISPUTE_ANSWERED)).isEqualTo(1);
    }
  }

  @Test
  void aRestartedNodeDoesNotAnswerTwiceAndUpdatesItsEndpoint() throws Exception {
    Path data = dir.resolve("restart");
    long openBlock;
    try (ProverRole role = started(data, Optional.empty())) {
      Deal deal = stored(role, 2);
      openBlock = net.disputer.blockNumber() + 1; // the open is mined after this block
      net.disputer.disputes().open(deal.id(), 0);
      await("the node says it answered", WINDOW, () -> role.status().count(Event.DISPUTE_ANSWERED) == 1);
    }
    // as if the node had died between sending the answer and saving its cursor
    new FileCursorStore(ProverRole.cursorFile(data)).save(new FollowerCursor(openBlock - 1,
        net.owner.blockHash(openBlock - 1).orElseThrow()));

    try (ProverRole again = started(data, Optional.of(new HostPort("prover.example", 7340)))) {
      assertThat(again.status().count(Event.REGISTRATION_UPDATED)).isEqualTo(1);
      assertThat(net.owner.operators().get(OPERATOR.address()).orElseThrow().endpoint())
          .isEqualTo("prover.example:7340");
      BigInteger gas = net.owner.nativeBalance(OPERATOR.address());
      await("the dispute is seen again", WINDOW, () -> again.status().count(Event.DISPUTE_ALREADY_ANSWERED) == 1);
      assertThat(again.status().count(Event.DISPUTE_SEEN)).isEqualTo(1);
      assertThat(again.status().count(Event.DISPUTE_ANSWERED)).isZero();
      assertThat(net.owner.nativeBalance(OPERATOR.address())).as("no transaction sent").isEqualTo(gas);
    }
  }

  @Test
  void aNodeWithoutTheShardSaysItCannotAnswerAndAnswersOnceTheShardIsBack() throws Exception {
    try (ProverRole role = started(dir.resolve("lost"), Optional.empty())) {
      Deal deal = net.propose(3, 300_000);
      net.owner.deals().activate(deal.id(), net.local.deployment().domain().sign(deal.acceptance(), OPERATOR))
          .mined();
      long disputeId = net.disputer.disputes().open(deal.id(), 0);

      await("the node says it cannot answer", WINDOW, () -> role.status().count(Event.DISPUTE_UNPROVABLE) == 1);
      assertThat(status(disputeId)).isEqualTo(DisputeInfo.Status.OPEN);
      assertThat(role.answerer().waiting()).containsExactly(disputeId);

      net.upload(deal, 3, role.address());
      await("the dispute is answered", WINDOW, () -> status(disputeId) == DisputeInfo.Status.ANSWERED);
      await("the node says it answered", WINDOW, () -> role.status().count(Event.DISPUTE_ANSWERED) == 1);
      assertThat(role.status().count(Event.DISPUTE_UNPROVABLE)).isEqualTo(1);
      assertThat(role.answerer().waiting()).isEmpty();
    }
  }

  @Test
  void aSecondNodeOnTheSameDataDirectoryIsRefused() throws Exception {
    Path data = dir.resolve("shared");
    try (ProverRole first = started(data, Optional.empty())) {
      assertThatThrownBy(() -> ProverRoleFactory.create(net.settings(data, Optional.empty())))
          .isInstanceOf(IOException.class).hasMessageContaining("is in use by another running process");
      assertThat(first.status().count(Event.SERVING)).isEqualTo(1);
    }
    started(data, Optional.empty()).close();
  }
}
