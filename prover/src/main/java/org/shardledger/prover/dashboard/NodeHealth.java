package org.shardledger.prover.dashboard;

import java.io.IOException;
import java.math.BigInteger;

/** What the node knows about how it keeps up: its gas funds and its distance from the chain head. */
public interface NodeHealth {
  /** The account's native balance, which pays for dispute answers and claims (wei). */
  BigInteger gasBalance() throws IOException;

  /** The chain head the node last saw (-1 before it looked). */
  long headBlock();

  /** Blocks between that head and the confirmed state it acts on (-1 before it looked). */
  long lagBlocks();
}
