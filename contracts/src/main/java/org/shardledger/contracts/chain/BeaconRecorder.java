package org.shardledger.contracts.chain;

import java.io.IOException;
import java.util.function.LongConsumer;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.beacon.BeaconWindow;

/**
 * Records each epoch's beacon ({@code recordBeacon(e)}) once the epoch's first block is mined, and catches up on the
 * epochs whose {@link BeaconWindow} is still open, so that no single party can starve an epoch of its beacon. "Already
 * recorded" is success; an expired window is skipped. Ledgers and verifiers each run one.
 */
public final class BeaconRecorder {
  /** What the recorder needs of the chain. */
  public interface Target {
    long headBlock() throws IOException;

    /** {@code recordBeacon}; already recorded comes back as {@link TxOutcome.AlreadyDone}. */
    TxOutcome recordBeacon(long epoch) throws IOException;

    /** A {@link Chain} connection with a key as the target. */
    static Target of(Chain chain) {
      return new Target() {
        @Override
        public long headBlock() throws IOException {
          return chain.blockNumber();
        }

        @Override
        public TxOutcome recordBeacon(long epoch) throws IOException {
          return chain.beacons().record(epoch);
        }
      };
    }
  }

  private final Target chain;
  private final Deployment deployment;
  private final LongConsumer recorded;
  private long next = -1;

  /** {@code recorded} hears of each epoch whose beacon this recorder put on chain. */
  public BeaconRecorder(Target chain, Deployment deployment, LongConsumer recorded) {
    this.chain = chain;
    this.deployment = deployment;
    this.recorded = recorded;
  }

  /** Records every beacon due since the last call; returns how many it sent. */
  public synchronized int tick() throws IOException {
    long head = chain.headBlock();
    if (head < deployment.genesisBlock()) {
      return 0;
    }
    long current = deployment.epochOf(head);
    long oldest = BeaconWindow.oldestReadableIn(head);
    long oldestOpen = oldest == 0 ? 0 : deployment.epochOf(oldest) + 1;
    long e = Math.max(next, oldestOpen);
    int sent = 0;
    for (; e <= current && deployment.epochStartBlock(e) < head; e++) {
      switch (chain.recordBeacon(e)) {
        case TxOutcome.Mined m -> {
          recorded.accept(e);
          sent++;
        }
        case TxOutcome.AlreadyDone a -> { }
        case TxOutcome.Reverted r -> {
          if (ContractError.BeaconNotYetAvailable.is(r.reason())) {
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
