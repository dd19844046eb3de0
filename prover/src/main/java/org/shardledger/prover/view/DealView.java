package org.shardledger.prover.view;

import java.util.Objects;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;

/** A deal's terms and where it stands, as the node currently sees the chain. */
public record DealView(Deal deal, DealStatus status) {
  public DealView {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(status, "status");
  }
}
