package org.shardledger.prover.dispute;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.events.ChainEvent.DisputeOpened;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.DecodedRevert;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.challenge.ChallengeKind;
import org.shardledger.protocol.proof.SegmentProof;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.dispute.DisputeAnswerer.AlreadyAnswered;
import org.shardledger.prover.dispute.DisputeAnswerer.Answered;
import org.shardledger.prover.dispute.DisputeAnswerer.NotAnswered;
import org.shardledger.prover.dispute.DisputeAnswerer.Outcome;
import org.shardledger.prover.dispute.DisputeAnswerer.Unprovable;
import org.shardledger.prover.dispute.OpenDisputes.Stage;
import org.shardledger.prover.serve.ShardProver;
import org.shardledger.prover.view.DealDirectory;
import org.shardledger.prover.view.DealView;

/**
 * One try at one dispute, from the chain's view of it to a mined answer: read the dispute (ANSWERED: nothing to do;
 * UPHELD or the deadline reached: too late), wait for its beacon block, prove the drawn segments from the shard
 * store, send the answer and wait for its receipt. Safe to run for many disputes at once. The contract's refusals
 * it understands are {@link ContractError#DisputeBeaconNotYetAvailable} and {@link ContractError#AnswerWindowClosed}.
 */
final class DisputeAttempt {

  private final OperatorIdentity identity;
  private final DisputeCourt court;
  private final DealDirectory deals;
  private final ShardProver prover;
  private final DisputeSettings settings;
  private final ProverStatusLog status;
  private final IntSupplier behindCount;

  DisputeAttempt(OperatorIdentity identity, DisputeCourt court, DealDirectory deals, ShardProver prover,
      DisputeSettings settings, ProverStatusLog status, IntSupplier behindCount) {
    this.identity = identity;
    this.court = court;
    this.deals = deals;
    this.prover = prover;
    this.settings = settings;
    this.status = status;
    this.behindCount = behindCount;
  }

  Outcome run(DisputeOpened opened, boolean loud, DisputeProgress progress) throws IOException {
    long started = System.nanoTime();
    long id = opened.disputeId();
    long deadline = opened.answerDeadlineBlock();
    int refusals = 0;
    while (true) {
      Optional<DisputeInfo> info = court.dispute(id);
      if (info.isEmpty() || info.get().dealId() != opened.dealId()) {
        return notAnswered(opened, "the chain no longer has this dispute (a reorganisation removed it)");
      }
      switch (info.get().status()) {
        case ANSWERED -> {
          status.disputeAlreadyAnswered(id, opened.dealId());
          return new AlreadyAnswered();
        }
        case UPHELD, EXPIRED -> {
          return notAnswered(opened, "it was closed without an answer (" + info.get().status() + ")");
        }
        case OPEN -> { }
      }
      long head = court.blockNumber();
      if (head >= deadline) {
        return notAnswered(opened, "its answer window closed at block " + deadline + " (the chain is at " + head
            + ")");
      }
      if (progress.passedHalfway(head)) {
        status.disputesFallingBehind(id, opened.dealId(), head, deadline, behindCount.getAsInt());
      }
      Optional<Bytes32> beacon = court.blockHash(info.get().beaconBlock());
      if (beacon.isEmpty()) {
        progress.stage(Stage.WAITING_FOR_BEACON);
        awaitBlock(info.get().beaconBlock());
        continue;
      }
      progress.stage(Stage.ANSWERING);
      Optional<DealView> deal = deals.find(opened.dealId());
      if (deal.isEmpty()) {
        return notAnswered(opened, "deal " + opened.dealId() + " is not on chain");
      }
      Challenge challenge = new Challenge(ChallengeKind.DISPUTE, beacon.get(), identity.chainId(), opened.dealId(),
          id, info.get().samples());
      List<SegmentProof> samples;
      switch (prover.prove(deal.get().deal(), challenge)) {
        case ShardProver.Proved proved -> samples = proved.proof().samples();
        case ShardProver.NotHeld notHeld -> {
          return unprovable(opened, loud, head, "this node holds no shard of deal " + opened.dealId());
        }
        case ShardProver.Damaged damaged -> {
          return unprovable(opened, loud, head, "its shard of deal " + opened.dealId() + " is damaged ("
              + damaged.detail() + ")");
        }
      }
      TxOutcome sent;
      try {
        sent = court.answer(id, samples);
      } catch (IOException e) {
        if (!Thread.currentThread().isInterrupted()) {
          status.disputeAnswerFailed(id, opened.dealId(), e.getMessage());
        }
        throw e;
      }
      if (sent instanceof TxOutcome.Mined mined) {
        status.disputeAnswered(id, opened.dealId(), mined.blockNumber(), deadline - mined.blockNumber(),
            info.get().bond(), Duration.ofNanos(System.nanoTime() - started));
        return new Answered(mined.blockNumber());
      }
      DecodedRevert reason = switch (sent) {
        case TxOutcome.Reverted reverted -> reverted.reason();
        case TxOutcome.AlreadyDone done -> done.reason();
        case TxOutcome.Mined mined -> throw new IllegalStateException("handled above");
      };
      if (ContractError.AnswerWindowClosed.is(reason)) {
        return notAnswered(opened, "its answer window closed at block " + deadline);
      }
      if (!ContractError.DisputeBeaconNotYetAvailable.is(reason) && ++refusals >= settings.attempts()) {
        return notAnswered(opened, "the contract refused the answer " + refusals + " times, last with " + reason);
      }
      awaitBlock(head + 1);
    }
  }

  private Unprovable unprovable(DisputeOpened opened, boolean loud, long head, String why) {
    if (loud) {
      status.disputeUnprovable(opened.disputeId(), opened.dealId(), why, opened.answerDeadlineBlock(),
          opened.answerDeadlineBlock() - head);
    }
    return new Unprovable(why);
  }

  private NotAnswered notAnswered(DisputeOpened opened, String why) {
    status.disputeNotAnswered(opened.disputeId(), opened.dealId(), why);
    return new NotAnswered(why);
  }

  private void awaitBlock(long block) throws IOException {
    while (court.blockNumber() < block) {
      try {
        Thread.sleep(settings.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for block " + block);
      }
    }
  }
}
