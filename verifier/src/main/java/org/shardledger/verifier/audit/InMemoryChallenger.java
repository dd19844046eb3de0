package org.shardledger.verifier.audit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.Failure;

/**
 * Operators in memory, for tests of the auditors: each answers with what its {@link Operator} returns; an
 * operator nobody serves refuses the connection. Endpoints are checked as the wire checks them.
 */
public final class InMemoryChallenger implements Challenger {
  /** One operator's answers. */
  @FunctionalInterface
  public interface Operator {
    ChallengeResult answer(long dealId, long epoch);
  }

  private final Map<Address, Operator> operators = new ConcurrentHashMap<>();
  private final AtomicInteger challenges = new AtomicInteger();
  private volatile boolean closed;

  public InMemoryChallenger serve(Address operator, Operator answers) {
    operators.put(operator, answers);
    return this;
  }

  @Override
  public CompletableFuture<ChallengeResult> challenge(OperatorEndpoint operator, long dealId, long epoch,
      Duration timeout) {
    operator.socketAddress();
    challenges.incrementAndGet();
    Operator answers = operators.get(operator.address());
    if (closed || answers == null) {
      return CompletableFuture.completedFuture(new Failure.Unreachable("connection refused"));
    }
    return CompletableFuture.completedFuture(answers.answer(dealId, epoch));
  }

  /** How many challenges went out (dialled endpoints only). */
  public int challenges() {
    return challenges.get();
  }

  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
