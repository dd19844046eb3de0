package org.shardledger.prover.view;

import java.io.IOException;

/** The chain's current epoch (from the head block: (block − genesis) / L). */
@FunctionalInterface
public interface EpochClock {
  long currentEpoch() throws IOException;
}
