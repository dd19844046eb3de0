package org.shardledger.ledger.onchain;

import java.io.IOException;
import java.util.List;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.ledger.claims.ConfirmedView;

/**
 * Sits between the chain follower and the chain mirror: each confirmed batch goes to the mirror first, then its
 * claims (and a deep reorg) to the ledger's {@link ConfirmedView}.
 */
public final class ClaimsFollower implements ChainFollower.Listener {
  private final ChainFollower.Listener mirror;
  private final ConfirmedView view;

  public ClaimsFollower(ChainFollower.Listener mirror, ConfirmedView view) {
    this.mirror = mirror;
    this.view = view;
  }

  /** A view starting from the claims the mirror holds and the store's latest settlement. */
  public static ConfirmedView open(SettlementStore store, ChainMirror mirror) throws IOException {
    return ConfirmedView.open(store, mirror.claims(), mirror.mirroredThrough());
  }

  @Override
  public void onConfirmed(List<ChainEvent> events, FollowerCursor upTo) throws Exception {
    mirror.onConfirmed(events, upTo);
    for (ChainEvent event : events) {
      switch (event) {
        case ChainEvent.Claimed c -> view.claimed(c.account(), c.cumulativeAmount());
        case ChainEvent.Reorged r -> view.forgetClaims();
        default -> { }
      }
    }
    view.confirmedThrough(upTo.block());
  }
}
