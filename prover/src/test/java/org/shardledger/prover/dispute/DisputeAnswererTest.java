package org.shardledger.prover.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.ChainEvent.DisputeOpened;
import org.shardledger.contracts.events.EventOrigin;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.challenge.ChallengeKind;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.SegmentProof;
import org.shardledger.prover.ProverStatusLog.Event;
import org.shardledger.prover.TestShards;
import org.shardledger.prover.serve.BackendFixture;

class DisputeAnswererTest {
  static final long OPEN_BLOCK = 100;
  static final long DEADLINE = OPEN_BLOCK + 1 + 64;
  static final FollowerCursor CURSOR = new FollowerCursor(OPEN_BLOCK + 1, Bytes32.ZERO);

  @TempDir
  Path dir;

  BackendFixture f;
  InMemoryDisputeCourt ledger;
  DisputeAnswerer answerer;
  Deal deal;

  @BeforeEach
  void setUp() throws Exception {
    f = new BackendFixture(dir);
    ledger = new InMemoryDisputeCourt(OPEN_BLOCK + 1);
    answerer = new DisputeAnswerer(TestShards.IDENTITY, ledger, f.deals, f.prover,
        new DisputeSettings(1, 256, Duration.ofMillis(1), 3), f.status);
    deal = f.propose(7, 300_000);
  }

  private DisputeOpened opened(long disputeId, Address operator, int samples) {
    ledger.open(disputeId, deal.id(), OPEN_BLOCK, samples);
    return new DisputeOpened(new EventOrigin(OPEN_BLOCK, Bytes32.ZERO, Bytes32.ZERO, 0), disputeId, deal.id(),
        operator, InMemoryDisputeCourt.DISPUTER, OPEN_BLOCK, samples, OPEN_BLOCK + 1, DEADLINE, BigInteger.TEN);
  }

  private void deliver(ChainEvent... events) throws Exception {
    answerer.onConfirmed(List.of(events), CURSOR);
  }

  @Test
  void answersItsOwnDisputeWithTheSegmentsTheBlockHashDraws() throws Exception {
    f.upload(deal);
    deliver(opened(3, TestShards.OPERATOR.address(), 4));

    assertThat(ledger.answers).hasSize(1);
    List<SegmentProof> answer = ledger.answers.getFirst();
    long[] drawn = new Challenge(ChallengeKind.DISPUTE, InMemoryDisputeCourt.hashOf(OPEN_BLOCK + 1),
        TestShards.DOMAIN.chainId(), deal.id(), 3, 4).indices(deal.commitment().segmentCount());
    assertThat(answer.stream().mapToLong(SegmentProof::index).toArray()).isEqualTo(drawn);
    assertThat(answer).allMatch(s -> ProofVerifier.verifySegment(deal.commitment(), s).isValid());
    assertThat(f.status.count(Event.DISPUTE_SEEN)).isEqualTo(1);
    assertThat(f.status.count(Event.DISPUTE_ANSWERED)).isEqualTo(1);
  }

  @Test
  void leavesOtherOperatorsDisputesAlone() throws Exception {
    f.upload(deal);
    deliver(opened(3, Address.fromHex("0x0000000000000000000000000000000000000bad"), 4));
    assertThat(ledger.answers).isEmpty();
    assertThat(f.status.count(Event.DISPUTE_SEEN)).isZero();
  }

  @Test
  void sendsNothingForADisputeAlreadyAnswered() throws Exception {
    f.upload(deal);
    DisputeOpened opened = opened(3, TestShards.OPERATOR.address(), 4);
    ledger.setStatus(3, DisputeInfo.Status.ANSWERED);
    assertThat(answerer.answer(opened)).isInstanceOf(DisputeAnswerer.AlreadyAnswered.class);
    assertThat(ledger.answers).isEmpty();
    assertThat(f.status.count(Event.DISPUTE_ALREADY_ANSWERED)).isEqualTo(1);
  }

  @Test
  void waitsForTheBlockWhoseHashIsTheBeacon() throws Exception {
    f.upload(deal);
    ledger.head = OPEN_BLOCK;
    ledger.tick = 1;
    assertThat(answerer.answer(opened(3, TestShards.OPERATOR.address(), 2)))
        .isInstanceOf(DisputeAnswerer.Answered.class);
    long[] drawn = new Challenge(ChallengeKind.DISPUTE, InMemoryDisputeCourt.hashOf(OPEN_BLOCK + 1),
        TestShards.DOMAIN.chainId(), deal.id(), 3, 2).indices(deal.commitment().segmentCount());
    assertThat(ledger.answers.getFirst().stream().mapToLong(SegmentProof::index).toArray()).isEqualTo(drawn);
  }

  @Test
  void triesAgainInTheNextBlockWhenTheContractCannotSeeTheBeaconYet() throws Exception {
    f.upload(deal);
    ledger.queued.add(InMemoryDisputeCourt.refusal("DisputeBeaconNotYetAvailable"));
    ledger.tick = 1;
    assertThat(answerer.answer(opened(3, TestShards.OPERATOR.address(), 4)))
        .isInstanceOf(DisputeAnswerer.Answered.class);
    assertThat(ledger.answers).hasSize(2);
  }

  @Test
  void givesUpAfterTheContractRefusedTheAnswerAFewTimes() throws Exception {
    f.upload(deal);
    for (int i = 0; i < 3; i++) {
      ledger.queued.add(InMemoryDisputeCourt.refusal("InvalidSample"));
    }
    ledger.tick = 1;
    DisputeAnswerer.Outcome outcome = answerer.answer(opened(3, TestShards.OPERATOR.address(), 4));
    assertThat(outcome).isInstanceOf(DisputeAnswerer.NotAnswered.class);
    assertThat(((DisputeAnswerer.NotAnswered) outcome).why()).contains("3 times", "InvalidSample");
    assertThat(f.status.count(Event.DISPUTE_NOT_ANSWERED)).isEqualTo(1);
  }

  @Test
  void sendsNothingOnceTheWindowHasClosed() throws Exception {
    f.upload(deal);
    ledger.head = DEADLINE;
    assertThat(answerer.answer(opened(3, TestShards.OPERATOR.address(), 4)))
        .isInstanceOf(DisputeAnswerer.NotAnswered.class);
    assertThat(ledger.answers).isEmpty();
  }

  @Test
  void saysOnceThatItLacksTheShardAndAnswersWhenTheShardIsBackInTime() throws Exception {
    deliver(opened(3, TestShards.OPERATOR.address(), 4));
    assertThat(ledger.answers).isEmpty();
    assertThat(f.status.count(Event.DISPUTE_UNPROVABLE)).isEqualTo(1);
    assertThat(answerer.waiting()).containsExactly(3L);

    deliver();
    assertThat(f.status.count(Event.DISPUTE_UNPROVABLE)).as("said once, not every block").isEqualTo(1);

    f.upload(deal);
    deliver();
    assertThat(ledger.answers).hasSize(1);
    assertThat(answerer.waiting()).isEmpty();
    assertThat(f.status.count(Event.DISPUTE_ANSWERED)).isEqualTo(1);
  }

  @Test
  void aDamagedShardCannotBeProvedAndTheWaitEndsWithTheWindow() throws Exception {
    f.upload(deal);
    f.store.markCorrupt(deal.id(), "test");
    deliver(opened(3, TestShards.OPERATOR.address(), 4));
    assertThat(ledger.answers).isEmpty();
    assertThat(answerer.waiting()).containsExactly(3L);

    ledger.head = DEADLINE;
    deliver();
    assertThat(answerer.waiting()).isEmpty();
    assertThat(f.status.count(Event.DISPUTE_NOT_ANSWERED)).isEqualTo(1);
    assertThat(Arrays.asList(f.status.count(Event.DISPUTE_UNPROVABLE), f.status.count(Event.DISPUTE_ANSWERED)))
        .containsExactly(1L, 0L);
  }

  @Test
  void answersTheDisputesOfOneDeliveryTogetherNotOneAfterAnother() throws Exception {
    f.upload(deal);
    ledger.holdAnswers(6);
    ChainEvent[] events = new ChainEvent[6];
    for (int i = 0; i < 6; i++) {
      events[i] = opened(10 + i, TestShards.OPERATOR.address(), 4);
    }
    deliver(events);
    assertThat(ledger.answers).as("six answers in flight at once").hasSize(6);
    assertThat(f.status.count(Event.DISPUTE_ANSWERED)).isEqualTo(6);
    assertThat(answerer.openDisputes()).isEmpty();
  }

  @Test
  void saysLoudlyWhenADisputeHasUsedHalfItsWindowAndShowsItAsBehind() throws Exception {
    f.upload(deal);
    ledger.head = OPEN_BLOCK + 1 + 33; // 33 of the 64 blocks gone
    ledger.holdAnswers(2); // the answer waits for the test below
    DisputeOpened opened = opened(3, TestShards.OPERATOR.address(), 4);
    var running = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
        .submit(() -> answerer.answerAll(List.of(opened)));
    long until = System.nanoTime() + 5_000_000_000L;
    while (answerer.fallingBehind() == 0 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(answerer.fallingBehind()).isEqualTo(1);
    assertThat(answerer.openDisputes()).singleElement().satisfies(d -> {
      assertThat(d.disputeId()).isEqualTo(3);
      assertThat(d.deadlineBlock()).isEqualTo(DEADLINE);
      assertThat(d.stage()).isEqualTo(OpenDisputes.Stage.ANSWERING);
      assertThat(d.behind()).isTrue();
    });
    assertThat(f.status.count(Event.DISPUTES_FALLING_BEHIND)).isEqualTo(1);
    ledger.open(99, deal.id(), OPEN_BLOCK, 4);
    ledger.answer(99, List.of()); // the second party: lets the held answer through
    assertThat(running.get()).singleElement().isInstanceOf(DisputeAnswerer.Answered.class);
    assertThat(answerer.fallingBehind()).isZero();
    assertThat(f.status.count(Event.DISPUTES_FALLING_BEHIND)).as("said once").isEqualTo(1);
  }
}
