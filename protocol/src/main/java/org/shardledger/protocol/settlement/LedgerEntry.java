package org.shardledger.protocol.settlement;

import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.aggregation.DealVerdict;

/** One deal's settled epoch: the verdict it rests on and what happened to the money, in order. */
public record LedgerEntry(long epoch, long dealId, DealVerdict verdict, List<DealEvent> events) {
  public LedgerEntry {
    Objects.requireNonNull(verdict, "verdict");
    events = List.copyOf(events);
  }
}
