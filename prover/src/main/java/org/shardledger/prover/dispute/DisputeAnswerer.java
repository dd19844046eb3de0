package org.shardledger.prover.dispute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.ChainEvent.DisputeOpened;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.view.DealDirectory;
import org.shardledger.prover.view.DealView;
import org.shardledger.prover.serve.ShardProver;

/**
 * Answers every dispute opened against this operator, by itself and in parallel: takes the confirmed
 * {@code DisputeOpened} events of its own deals and answers each on a virtual thread of its own ({@link
 * DisputeAttempt}: wait for the beacon block, prove, send through the sender, which hands out the nonces). The
 * listener returns once every dispute of the delivery is answered or given up, so the follower's cursor never passes
 * a dispute still owed an answer; a failure throws and the follower delivers again (idempotent: each attempt reads
 * the dispute from the chain first). A dispute the node cannot prove is tried again with every delivery until its
 * window closes. A dispute that has used half its window without a mined answer is reported loudly, once, and
 * counted in {@link #fallingBehind()}.
 */
public final class DisputeAnswerer implements ChainFollower.Listener, OpenDisputes, AutoCloseable {
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
  private final DisputeAttempt attempts;
  private final ProverStatusLog status;
  private final Map<Long, DisputeProgress> open = new ConcurrentHashMap<>();
  private final Map<Long, DisputeOpened> waiting = new LinkedHashMap<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  public DisputeAnswerer(OperatorIdentity identity, DisputeCourt court, DealDirectory deals, ShardProver prover,
      DisputeSettings settings, ProverStatusLog status) {
    this.identity = identity;
    this.status = status;
    this.attempts = new DisputeAttempt(identity, court, deals, prover, settings, status, this::fallingBehind);
  }

  @Override
  public void onConfirmed(List<ChainEvent> events, FollowerCursor upTo) throws IOException {
    Map<Long, DisputeOpened> batch = new LinkedHashMap<>();
    for (ChainEvent event : events) {
      if (event instanceof DisputeOpened opened && opened.operator().equals(identity.address())
          && !open.containsKey(opened.disputeId()) && !isWaiting(opened.disputeId())) {
        status.disputeSeen(opened.disputeId(), opened.dealId(), opened.openBlock(), opened.samples(),
            opened.beaconBlock(), opened.answerDeadlineBlock());
        batch.put(opened.disputeId(), opened);
      }
    }
    synchronized (waiting) {
      waiting.forEach(batch::putIfAbsent);
    }
    answerAll(List.copyOf(batch.values()));
  }

  /** Answers these disputes at once, each on its own thread; returns when all are done, or throws the first failure. */
  public List<Outcome> answerAll(List<DisputeOpened> disputes) throws IOException {
    List<Future<Outcome>> running = new ArrayList<>();
    for (DisputeOpened opened : disputes) {
      running.add(threads.submit(() -> answer(opened)));
    }
    List<Outcome> outcomes = new ArrayList<>();
    IOException failure = null;
    for (Future<Outcome> future : running) {
      try {
        outcomes.add(future.get());
      } catch (ExecutionException e) {
        IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.forEach(f -> f.cancel(true));
        throw new java.io.InterruptedIOException("interrupted while answering disputes");
      }
    }
    if (failure != null) {
      throw failure;
    }
    return outcomes;
  }

  /** Answers one dispute against this operator as far as it can now (on the calling thread). */
  public Outcome answer(DisputeOpened opened) throws IOException {
    long id = opened.disputeId();
    boolean firstTry = !isWaiting(id);
    DisputeProgress progress = open.computeIfAbsent(id, k -> new DisputeProgress(opened));
    Outcome outcome = null;
    try {
      outcome = attempts.run(opened, firstTry, progress);
      return outcome;
    } finally {
      synchronized (waiting) {
        if (outcome instanceof Unprovable) {
          waiting.put(id, opened);
          progress.stage(Stage.UNPROVABLE);
        } else {
          open.remove(id);
          if (outcome != null) {
            waiting.remove(id);
          }
        }
      }
    }
  }

  /** Disputes the node cannot prove yet and keeps trying while their windows are open. */
  public List<Long> waiting() {
    synchronized (waiting) {
      return List.copyOf(waiting.keySet());
    }
  }

  private boolean isWaiting(long disputeId) {
    synchronized (waiting) {
      return waiting.containsKey(disputeId);
    }
  }

  @Override
  public List<OpenDispute> openDisputes() {
    return open.values().stream().map(DisputeProgress::view).sorted(Comparator.comparingLong(OpenDispute::disputeId))
        .toList();
  }

  @Override
  public int fallingBehind() {
    return (int) open.values().stream().filter(DisputeProgress::behind).count();
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
