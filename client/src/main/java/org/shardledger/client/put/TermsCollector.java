package org.shardledger.client.put;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.shardledger.client.placement.Candidate;
import org.shardledger.client.placement.Exclusion;
import org.shardledger.client.put.OwnerChain.RegisteredOperator;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.wire.client.TermsResult;
import org.shardledger.wire.client.WireClient;

/**
 * Asks every registered operator for its signed terms at once (each answer checked to recover to that operator by
 * the wire client) and turns the answers into placement candidates; an operator that does not answer in time, or
 * answers anything else, is excluded with the reason.
 */
final class TermsCollector {
  /** The candidates, and the operators left out with why. */
  record Collected(List<Candidate> candidates, List<Exclusion> excluded, Map<Address, RegisteredOperator> byAddress) {}

  /** Reputation in [0, 1] of an operator (the ledger's view); 1 for one it knows nothing about. */
  @FunctionalInterface
  interface Reputations {
    double of(Address operator);
  }

  private TermsCollector() {}

  static Collected collect(WireClient wire, List<RegisteredOperator> operators, Reputations reputations,
      Duration timeout) throws InterruptedException {
    List<CompletableFuture<TermsResult>> asked = new ArrayList<>();
    for (RegisteredOperator op : operators) {
      asked.add(wire.operator(op.endpoint(), op.operator()).terms());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Candidate> candidates = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    Map<Address, RegisteredOperator> byAddress = new java.util.HashMap<>();
    for (int i = 0; i < operators.size(); i++) {
      RegisteredOperator op = operators.get(i);
      byAddress.put(op.operator(), op);
      try {
        TermsResult result = asked.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (result instanceof TermsResult.Terms t) {
          candidates.add(new Candidate(op.operator(), op.region(), t.terms(),
              Math.clamp(reputations.of(op.operator()), 0.0, 1.0)));
        } else {
          excluded.add(new Exclusion(op.operator(), "did not answer TERMS: " + result));
        }
      } catch (TimeoutException e) {
        asked.get(i).cancel(true);
        excluded.add(new Exclusion(op.operator(), "no TERMS answer within " + timeout.toSeconds() + " s"));
      } catch (ExecutionException e) {
        excluded.add(new Exclusion(op.operator(), "TERMS failed: " + e.getCause()));
      }
    }
    return new Collected(candidates, excluded, byAddress);
  }
}
