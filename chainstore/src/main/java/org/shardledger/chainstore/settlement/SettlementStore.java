package org.shardledger.chainstore.settlement;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.settlement.SettlementState;

/**
 * Where a ledger or a verifier keeps its settlement state and what every settlement published, so that payouts and
 * claim proofs can be served for any settled epoch after a restart, by more than one party. A ledger records a
 * settlement once it is confirmed on chain; a verifier once it signed it (and when it replays one it missed).
 */
public interface SettlementStore {
  /** The state the next settlement starts from; {@link SettlementState#genesis()} when nothing was recorded. */
  SettlementState current() throws IOException;

  /**
   * Records a settlement and the state after it, atomically: the settlement, its slashes and signatures, the
   * accounts whose cumulative amount changed, and {@code after} as the new current state.
   *
   * @param before the current state (the one the settlement was computed from)
   * @throws IllegalStateException if {@code before} is not the current state or the settlement does not follow it
   */
  void record(SettledEpoch settled, SettlementState before, SettlementState after) throws IOException;

  /** Adds the transaction a recorded settlement landed in. */
  void recordTransaction(long epoch, SettlementTx tx) throws IOException;

  /** The settlement of exactly {@code epoch}. */
  Optional<SettledEpoch> settled(long epoch) throws IOException;

  /** The settlement whose epochs include {@code epoch} (a settlement after a gap covers several). */
  Optional<SettledEpoch> covering(long epoch) throws IOException;

  Optional<SettledEpoch> latest() throws IOException;

  /** Settlements of epochs in [fromEpoch, toEpoch], ascending, at most {@code limit}. */
  List<SettledEpoch> settledBetween(long fromEpoch, long toEpoch, int limit) throws IOException;

  /** The account's cumulative amount as of the last settlement of an epoch {@code <= epoch} (0 if none). */
  BigInteger cumulativeAt(Address account, long epoch) throws IOException;

  /** The account's amount at each settled epoch in [fromEpoch, toEpoch] where it changed, ascending. */
  List<AmountAt> changes(Address account, long fromEpoch, long toEpoch) throws IOException;

  /** Every account's cumulative amount as of the last settlement of an epoch {@code <= epoch} (no zeros). */
  Map<Address, BigInteger> amountsAt(long epoch) throws IOException;
}
