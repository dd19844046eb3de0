package org.shardledger.ledger.records;

import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/**
 * Which settled audit results to show: an epoch range, optionally one deal, one operator, or only the entries a
 * given verifier disagreed with; at most {@code limit} entries.
 */
public record AuditFilter(long fromEpoch, long toEpoch, Optional<Long> dealId, Optional<Address> operator,
    Optional<Address> verifier, int limit) {
  public static final int MAX_LIMIT = 1000;

  public AuditFilter {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(verifier, "verifier");
    if (fromEpoch < 0 || toEpoch < fromEpoch) {
      throw new IllegalArgumentException("need 0 <= fromEpoch <= toEpoch, got " + fromEpoch + ".." + toEpoch);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }
}
