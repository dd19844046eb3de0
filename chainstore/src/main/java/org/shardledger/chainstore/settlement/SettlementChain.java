package org.shardledger.chainstore.settlement;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shardledger.chainstore.ChainMirror.MirroredSettlement;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

/**
 * What the settlement rules need from the chain, as the ledger and every verifier read it: confirmed state only
 * (the chain mirror), plus stakes at a given block. A ledger settles epoch e only once the mirror is confirmed
 * past e's last block, and a verifier checks at the block the ledger names, so both read the same deals.
 */
public interface SettlementChain {
  /** Every event up to this block is mirrored, and the block is buried under the confirmation depth. */
  long confirmedBlock() throws IOException;

  /** The last block of an epoch. */
  long lastBlockOf(long epoch);

  /**
   * The deals activated on chain whose first epoch is at most {@code epoch}, by id: what a settlement through
   * {@code epoch} admits. A deal can be activated only until its first epoch ends, so once the mirror is past the
   * last block of {@code epoch} this list no longer changes.
   */
  List<Deal> activatedDealsThrough(long epoch) throws IOException;

  /**
   * The deals that ended on chain paid through an epoch before {@code epoch}, by id, with that end epoch: what the
   * settlement rules need to refund the rest of a deal its owner ended. An end epoch is never before the epoch the
   * chain had settled through when the deal ended, so a settlement through {@code epoch} sees the same ends on
   * every machine once the mirror is past {@code epoch}'s last block.
   */
  Map<Long, Long> endedDealsBefore(long epoch) throws IOException;

  /** The current verifier set and threshold; empty while the mirror has not seen one. */
  Optional<VerifierSet> verifierSet() throws IOException;

  BeaconStatus beacon(long epoch) throws IOException;

  /**
   * 1 + the last epoch the chain has settled, as the confirmed view has it (0 before the first settlement): where
   * the next settlement must start. A verifier signs only a settlement with this {@code fromEpoch}.
   */
  long settledThrough() throws IOException;

  /** The confirmed on-chain settlement of exactly {@code epoch}. */
  Optional<MirroredSettlement> settlement(long epoch) throws IOException;

  /** An operator's stake at {@code block} (0 when not registered then). */
  BigInteger stakeAt(Address operator, long block) throws IOException;
}
