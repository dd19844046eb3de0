package org.shardledger.prover.view;

import java.util.concurrent.atomic.AtomicLong;

/** An epoch clock that moves only when told, for tests and local runs. */
public final class ManualEpochClock implements EpochClock {
  private final AtomicLong epoch;

  public ManualEpochClock(long epoch) {
    this.epoch = new AtomicLong(epoch);
  }

  public void set(long value) {
    epoch.set(value);
  }

  @Override
  public long currentEpoch() {
    return epoch.get();
  }
}
