package org.shardledger.ledger.claims;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.payout.PayoutTree;

/**
 * Claim proofs against the latest settlement. The payout tree is a pure function of the stored cumulative amounts,
 * so it is rebuilt from them (once per settlement) and checked against the stored root before any proof is served.
 */
public final class ClaimProofs {
  private final SettlementStore store;
  private long epoch = -1;
  private PayoutTree tree;

  public ClaimProofs(SettlementStore store) {
    this.store = store;
  }

  /** The proof of the account's amount in the latest settlement; empty when it has none there. */
  public synchronized Optional<ClaimProof> proof(Address account) throws IOException {
    Optional<SettledEpoch> latest = store.latest();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    SettledEpoch s = latest.get();
    if (epoch != s.epoch()) {
      var current = store.current();
      PayoutTree rebuilt = PayoutTree.of(current.nextEpoch() == s.epoch() + 1 ? current.cumulative()
          : store.amountsAt(s.epoch()));
      if (!rebuilt.root().equals(s.settlement().payoutRoot())) {
        throw new IOException("the stored amounts of epoch " + s.epoch() + " give payout root " + rebuilt.root()
            + ", not the settled " + s.settlement().payoutRoot() + ": the database is damaged");
      }
      tree = rebuilt;
      epoch = s.epoch();
    }
    return tree.proof(account).map(proof -> new ClaimProof(account, s.epoch(), s.settlement().payoutRoot(),
        tree.amountOf(account), proof));
  }
}
