package org.shardledger.ledger.beacon;

import java.io.IOException;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.ledger.LedgerStatusLog;
import org.shardledger.ledger.settlement.LedgerChain;

/**
 * Records each epoch's beacon ({@code recordBeacon(e)}) once the epoch's first block is mined, and catches up on the
 * epochs whose 256-block window is still open, so that no single party can starve an epoch of its beacon. "Already
 * recorded" is success; an expired window is skipped.
 */
public final class BeaconRecorder {
  /** The EVM's BLOCKHASH window: the beacon of an epoch can be recorded up to this many blocks after its start. */
  static final long WINDOW = 256;

  private final LedgerChain chain;
  private final Deployment deployment;
  private final LedgerStatusLog status;
  private long next = -1;

  public BeaconRecorder(LedgerChain chain, Deployment deployment, LedgerStatusLog status) {
    this.chain = chain;
    this.deployment = deployment;
    this.status = status;
  }

  /** Records every beacon due since the last call; returns how many it sent. */
  public synchronized int tick() throws IOException {
    long head = chain.headBlock();
    if (head < deployment.genesisBlock()) {
      return 0;
    }
    long current = deployment.epochOf(head);
    long oldestOpen = head <= WINDOW ? 0 : deployment.epochOf(head - WINDOW) + 1;
    long e = Math.max(next, oldestOpen);
    int sent = 0;
    for (; e <= current && deployment.epochStartBlock(e) < head; e++) {
      switch (chain.recordBeacon(e)) {
        case TxOutcome.Mined m -> {
          status.beaconRecorded(e);
          sent++;
        }
        case TxOutcome.AlreadyDone a -> { }
        case TxOutcome.Reverted r -> {
          if (r.reason().name().equals("BeaconNotYetAvailable")) {
            next = e;
            return sent;
          }
        }
      }
    }
    next = e;
    return sent;
  }
}
