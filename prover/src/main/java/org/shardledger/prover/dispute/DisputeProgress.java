package org.shardledger.prover.dispute;

import java.util.concurrent.atomic.AtomicBoolean;
import org.shardledger.contracts.events.ChainEvent.DisputeOpened;
import org.shardledger.prover.dispute.OpenDisputes.OpenDispute;
import org.shardledger.prover.dispute.OpenDisputes.Stage;

/**
 * Where the node stands with one dispute it is answering: its stage, and whether it fell behind — half its window
 * gone without a mined answer (said once).
 */
final class DisputeProgress {
  private final DisputeOpened opened;
  private volatile Stage stage = Stage.WAITING_FOR_BEACON;
  private final AtomicBoolean behind = new AtomicBoolean();

  DisputeProgress(DisputeOpened opened) {
    this.opened = opened;
  }

  void stage(Stage now) {
    stage = now;
  }

  /** True the first time the head passes the middle of the window (the caller says so once). */
  boolean passedHalfway(long head) {
    long beacon = opened.beaconBlock();
    long half = beacon + (opened.answerDeadlineBlock() - beacon + 1) / 2;
    return head >= half && behind.compareAndSet(false, true);
  }

  boolean behind() {
    return behind.get();
  }

  OpenDispute view() {
    return new OpenDispute(opened.disputeId(), opened.dealId(), opened.beaconBlock(), opened.answerDeadlineBlock(),
        stage, behind.get());
  }
}
