package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.shardledger.chainstore.settlement.BeaconStatus;
import org.shardledger.chainstore.settlement.SettlementChain;
import org.shardledger.ledger.reports.ReceivedReports;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.DealState;
import org.shardledger.protocol.settlement.SettlementState;

/**
 * Which epoch the next settlement should reach. An epoch is ready once it has ended and the chain mirror is
 * confirmed past its last block, and, if some deal is open in it, once its beacon is decided (recorded, or
 * its 256 blocks are over) and every verifier's report is in or the report deadline (blocks after the epoch's end)
 * has passed. The target is the last ready epoch of an unbroken run from the state's next epoch. A run in which
 * no deal is open is not worth a transaction: it waits and is covered by the next settlement that settles a deal.
 */
final class EpochReadiness {
  private final SettlementChain chain;
  private final ReceivedReports reports;
  private final long reportDeadlineBlocks;
  private final int maxEpochs;

  EpochReadiness(SettlementChain chain, ReceivedReports reports, long reportDeadlineBlocks, int maxEpochs) {
    this.chain = chain;
    this.reports = reports;
    this.reportDeadlineBlocks = reportDeadlineBlocks;
    this.maxEpochs = maxEpochs;
  }

  OptionalLong target(SettlementState state) throws IOException {
    Optional<VerifierSet> set = chain.verifierSet();
    if (set.isEmpty()) {
      return OptionalLong.empty();
    }
    long confirmed = chain.confirmedBlock();
    long from = state.nextEpoch();
    List<Deal> deals = chain.activatedDealsThrough(from + maxEpochs);
    long target = -1;
    boolean anyOpen = false;
    for (long e = from; e < from + maxEpochs && confirmed >= chain.lastBlockOf(e); e++) {
      boolean open = open(state, deals, e);
      if (open && (chain.beacon(e) == BeaconStatus.UNDECIDED || !reported(e, set.get(), confirmed))) {
        break;
      }
      anyOpen |= open;
      target = e;
    }
    return target < 0 || (!anyOpen && target < from + maxEpochs - 1) ? OptionalLong.empty()
        : OptionalLong.of(target);
  }

  private boolean reported(long epoch, VerifierSet set, long confirmed) throws IOException {
    return confirmed >= chain.lastBlockOf(epoch) + reportDeadlineBlocks
        || reports.reporters(epoch).containsAll(set.members());
  }

  /** Whether some deal not closed by the state, or activated and not yet admitted, covers the epoch. */
  static boolean open(SettlementState state, List<Deal> activated, long epoch) {
    for (DealState d : state.deals()) {
      if (!d.closed() && d.deal().covers(epoch)) {
        return true;
      }
    }
    for (Deal d : activated) {
      if (d.covers(epoch) && state.deal(d.id()).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
