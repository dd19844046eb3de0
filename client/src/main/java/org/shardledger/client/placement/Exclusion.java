package org.shardledger.client.placement;

import java.util.Objects;
import org.shardledger.protocol.crypto.Address;

/** An operator left out of a placement, and why (its region, its terms, its free space, its price). */
public record Exclusion(Address operator, String reason) {
  public Exclusion {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(reason, "reason");
  }
}
