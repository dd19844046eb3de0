package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

/**
 * What one settlement needs beyond the previous state, in any order.
 *
 * @param epoch the epoch to settle; every epoch from the state's next epoch up to it is processed, in order
 * @param deals the ACTIVE deals (on chain); deals already known are checked to be unchanged, deals whose period
 *     ended before the state's next epoch and that the state no longer knows are ignored
 * @param stakes every operator's stake before this settlement (one entry for each operator with an open deal)
 * @param verifiers the current verifier set and its threshold t
 * @param audits one entry for each processed epoch (use {@link EpochAudits#beaconMissing} or no reports as it was)
 * @param ended the deals that ended on chain, by id, with the last epoch each is paid for (the owner's endDeal:
 *     the epoch of the call; a deal ended before its first epoch: firstEpoch - 1). A deal still running in the
 *     rules is paid through that epoch and the price of the rest goes back to its owner. Ends the rules reached
 *     themselves (terminations, the period's end) change nothing.
 */
public record SettlementInput(long epoch, List<Deal> deals, Map<Address, BigInteger> stakes, VerifierSet verifiers,
    List<EpochAudits> audits, Map<Long, Long> ended) {
  /** An input without deals ended on chain. */
  public SettlementInput(long epoch, List<Deal> deals, Map<Address, BigInteger> stakes, VerifierSet verifiers,
      List<EpochAudits> audits) {
    this(epoch, deals, stakes, verifiers, audits, Map.of());
  }

  public SettlementInput {
    ended = Map.copyOf(Objects.requireNonNull(ended, "ended"));
    deals = List.copyOf(Objects.requireNonNull(deals, "deals"));
    stakes = Map.copyOf(Objects.requireNonNull(stakes, "stakes"));
    Objects.requireNonNull(verifiers, "verifiers");
    audits = List.copyOf(Objects.requireNonNull(audits, "audits"));
    stakes.forEach((operator, stake) -> {
      if (stake.signum() < 0) {
        throw new IllegalArgumentException("negative stake for " + operator);
      }
    });
  }
}
