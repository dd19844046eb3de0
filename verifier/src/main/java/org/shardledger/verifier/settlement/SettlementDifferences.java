package org.shardledger.verifier.settlement;

import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;

/** Says in words how a proposed settlement differs from the one a verifier computed. */
final class SettlementDifferences {
  private SettlementDifferences() {}

  /** Empty when they are identical. */
  static String describe(Settlement mine, List<Slash> mySlashes, Settlement theirs, List<Slash> theirSlashes) {
    List<String> out = new ArrayList<>();
    if (mine.epoch() != theirs.epoch()) {
      out.add("epoch " + theirs.epoch() + " (mine " + mine.epoch() + ")");
    }
    if (!mine.payoutRoot().equals(theirs.payoutRoot())) {
      out.add("payoutRoot " + theirs.payoutRoot() + " (mine " + mine.payoutRoot() + ")");
    }
    if (!mine.cumulativeTotal().equals(theirs.cumulativeTotal())) {
      out.add("cumulativeTotal " + theirs.cumulativeTotal() + " (mine " + mine.cumulativeTotal() + ")");
    }
    if (!mine.slashesHash().equals(theirs.slashesHash()) || !mySlashes.equals(theirSlashes)) {
      out.add("slashes " + theirSlashes + " (mine " + mySlashes + ")");
    }
    return String.join("; ", out);
  }
}
