package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.aggregation.EpochAggregate;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.payout.PayoutTree;

/**
 * One settlement's outcome.
 *
 * @param state the state to start the next settlement from
 * @param settlement what the verifiers sign: epoch, payout root, cumulative total, slashes hash
 * @param payoutTree the cumulative payout tree (its root is the settlement's; claim proofs come from it)
 * @param slashes the stake taken from each operator over all processed epochs, by operator ascending, amounts > 0
 * @param terminations the deals the rules terminated in the processed epochs (maxFails, grace expiry), ascending
 * @param audits each processed epoch's aggregate (rejected reports, disagreements), ascending
 * @param entries every deal's settled epochs, by epoch then deal id
 */
public record SettlementResult(SettlementState state, Settlement settlement, PayoutTree payoutTree,
    List<Slash> slashes, List<Long> terminations, List<EpochAggregate> audits, List<LedgerEntry> entries) {
  public SettlementResult {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(settlement, "settlement");
    Objects.requireNonNull(payoutTree, "payoutTree");
    slashes = List.copyOf(slashes);
    terminations = List.copyOf(terminations);
    audits = List.copyOf(audits);
    entries = List.copyOf(entries);
  }

  /** Escrow held for UNREACHABLE epochs after this settlement. */
  public BigInteger held() {
    return state.held();
  }
}
