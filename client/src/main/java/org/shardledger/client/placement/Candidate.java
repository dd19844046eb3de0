package org.shardledger.client.placement;

import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.terms.OperatorTerms;

/**
 * An operator the owner could place a shard with: its registered region, the terms it signed on {@code TERMS}
 * (already checked to recover to it) and its reputation in [0, 1] from the ledger (higher is better).
 */
public record Candidate(Address operator, String region, OperatorTerms terms, double reputation) {
  public Candidate {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(terms, "terms");
    if (!terms.operator().equals(operator)) {
      throw new IllegalArgumentException("the terms name " + terms.operator() + ", not " + operator);
    }
    if (!(reputation >= 0 && reputation <= 1)) {
      throw new IllegalArgumentException("reputation must lie in [0, 1], got " + reputation);
    }
  }
}
