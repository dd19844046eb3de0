package org.shardledger.verifier.audit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.shardledger.wire.client.ChallengeResult;

/** How the auditors reach operators: one challenge, answered by the operator's signed proof or a failure. */
public interface Challenger extends AutoCloseable {
  /**
   * Challenges {@code operator} for a deal in an epoch (it derives the indices itself). Completes with what came
   * back, never exceptionally for the network.
   *
   * @throws IllegalArgumentException when the operator's endpoint is not host:port
   */
  CompletableFuture<ChallengeResult> challenge(OperatorEndpoint operator, long dealId, long epoch, Duration timeout);

  /** Drops pooled connections (at shutdown). */
  @Override
  void close();
}
