package org.shardledger.protocol.aggregation;

import java.util.Objects;
import java.util.Set;
import org.shardledger.protocol.crypto.Address;

/**
 * The verifiers whose reports count, and how many must agree (t of n). With {@code t > n/2} two verdicts can
 * never both reach t; with a smaller t, PASS is checked first (see {@link DealVerdict}).
 */
public record VerifierSet(Set<Address> members, int threshold) {
  public VerifierSet {
    members = Set.copyOf(Objects.requireNonNull(members, "members"));
    if (threshold < 1 || threshold > members.size()) {
      throw new IllegalArgumentException(
          "threshold must be in [1, " + members.size() + "] for " + members.size() + " verifiers, got " + threshold);
    }
  }

  public boolean contains(Address verifier) {
    return members.contains(verifier);
  }

  public int size() {
    return members.size();
  }
}
