package org.shardledger.prover.dispute;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.ChainEvent.DisputeOpened;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.challenge.ChallengeKind;
import org.shardledger.protocol.proof.SegmentProof;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.chain.DealDirectory;
import org.shardledger.prover.chain.DealView;
import org.shardledger.prover.serve.ShardProver;

/**
 * Answers every dispute opened against this operator, by itself: takes the confirmed {@code DisputeOpened} events of
 * its own deals, waits for block openBlock + 1 (the beacon is its hash), proves the drawn segments from the shard
 * store and sends the answer at once. Idempotent: the dispute is read from the chain before anything is sent, so a
 * dispute already answered (by this node before a restart, say) is skipped. A dispute the node cannot prove (no
 * shard, or a damaged one) is said loudly and tried again with every new block until its window closes, in case
 * the shard comes back. Transient chain failures are thrown, so the follower delivers the batch again.
 */
public final class DisputeAnswerer implements ChainFollower.Listener {
  /** What became of one dispute. */
  public sealed interface Outcome permits Answered, AlreadyAnswered, Unprovable, NotAnswered {}

  /** The answer was mined in {@code block}. */
  public record Answered(long block) implements Outcome {}

  /** The chain says it was answered before. */
  public record AlreadyAnswered() implements Outcome {}

  /** The node cannot prove it now (no shard or a damaged one); tried again with each new block. */
  public record Unprovable(String why) implements Outcome {}

  /** The node gave up on it: the window closed, the contract refused the answer, or the dispute is gone. */
  public record NotAnswered(String why) implements Outcome {}

  private final OperatorIdentity identity;
  private final DisputeCourt ledger;
  private final DealDirectory deals;
  private final ShardProver prover;
  private final DisputeSettings settings;
  private final ProverStatusLog status;
  private final Map<Long, DisputeOpened> waiting = new LinkedHashMap<>();

  public DisputeAnswerer(OperatorIdentity identity, DisputeCourt ledger, DealDirectory deals, ShardProver prover,
      DisputeSettings settings, ProverStatusLog status) {
    this.identity = identity;
    this.ledger = ledger;
    this.deals = deals;
    this.prover = prover;
    this.settings = settings;
    this.status = status;
  }

  @Override
  public synchronized void onConfirmed(List<ChainEvent> events, FollowerCursor upTo) throws IOException {
    for (ChainEvent event : events) {
      if (event instanceof DisputeOpened opened && opened.operator().equals(identity.address())
          && !waiting.containsKey(opened.disputeId())) {
        status.disputeSeen(opened.disputeId(), opened.dealId(), opened.openBlock(), opened.samples(),
            opened.answerDeadlineBlock());
        answer(opened);
      }
    }
    for (DisputeOpened opened : List.copyOf(waiting.values())) {
      answer(opened);
    }
  }

  /** Disputes the node cannot prove yet and keeps trying while their windows are open. */
  public synchronized List<Long> waiting() {
    return List.copyOf(waiting.keySet());
  }

  /** Answers one dispute against this operator as far as it can now. */
  public synchronized Outcome answer(DisputeOpened opened) throws IOException {
    boolean firstTry = !waiting.containsKey(opened.disputeId());
    Outcome outcome = attempt(opened, firstTry, System.nanoTime());
    if (outcome instanceof Unprovable) {
      waiting.put(opened.disputeId(), opened);
    } else {
      waiting.remove(opened.disputeId());
    }
    return outcome;
  }

  private Outcome attempt(DisputeOpened opened, boolean loud, long started) throws IOException {
    long id = opened.disputeId();
    long deadline = opened.answerDeadlineBlock();
    int refusals = 0;
    while (true) {
      Optional<DisputeInfo> info = ledger.dispute(id);
      if (info.isEmpty() || info.get().dealId() != opened.dealId()) {
        return notAnswered(opened, "the chain no longer has this dispute (a reorganisation removed it)");
      }
      switch (info.get().status()) {
        case ANSWERED -> {
          status.disputeAlreadyAnswered(id, opened.dealId());
          return new AlreadyAnswered();
        }
        case UPHELD -> {
          return notAnswered(opened, "it was upheld: its window closed without an answer");
        }
        case OPEN -> { }
      }
      long head = ledger.blockNumber();
      if (head >= deadline) {
        return notAnswered(opened, "its answer window closed at block " + deadline + " (the chain is at " + head
            + ")");
      }
      Optional<Bytes32> beacon = ledger.blockHash(opened.beaconBlock());
      if (beacon.isEmpty()) {
        awaitBlock(opened.beaconBlock());
        continue;
      }
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
        sent = ledger.answer(id, samples);
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
      ContractError reason = switch (sent) {
        case TxOutcome.Reverted reverted -> reverted.reason();
        case TxOutcome.AlreadyDone done -> done.reason();
        case TxOutcome.Mined mined -> throw new IllegalStateException("handled above");
      };
      if (reason.name().equals("AnswerWindowClosed")) {
        return notAnswered(opened, "its answer window closed at block " + deadline);
      }
      if (!reason.name().equals("DisputeBeaconNotYetAvailable") && ++refusals >= settings.attempts()) {
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
    while (ledger.blockNumber() < block) {
      try {
        Thread.sleep(settings.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for block " + block);
      }
    }
  }
}
