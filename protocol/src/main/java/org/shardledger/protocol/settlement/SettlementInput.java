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
 */
public record SettlementInput(long epoch, List<Deal> deals, Map<Address, BigInteger> stakes, VerifierSet verifiers,
    List<EpochAudits> audits) {
  public SettlementInput {
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
