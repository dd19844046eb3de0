package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.Objects;
import org.shardledger.protocol.deal.Deal;

/**
 * Where a deal stands between epochs.
 *
 * @param nextEpoch the next of its epochs to settle; past {@code lastEpoch} once all are settled
 * @param heldEpochs UNREACHABLE epochs in a row whose price is held in escrow
 * @param fails failed epochs so far
 * @param terminated ended early after {@code maxFails} failed epochs (its remaining escrow went to the owner)
 */
public record DealState(Deal deal, long nextEpoch, int heldEpochs, int fails, boolean terminated) {
  public DealState {
    Objects.requireNonNull(deal, "deal");
    if (nextEpoch < deal.firstEpoch() || nextEpoch > deal.lastEpoch() + 1) {
      throw new IllegalArgumentException("next epoch " + nextEpoch + " outside the deal's period");
    }
    if (heldEpochs < 0 || fails < 0) {
      throw new IllegalArgumentException("held epochs and fails must not be negative");
    }
  }

  /** A deal none of whose epochs is settled yet. */
  public static DealState start(Deal deal) {
    return new DealState(deal, deal.firstEpoch(), 0, 0, false);
  }

  /** Escrow held for the current run of UNREACHABLE epochs. */
  public BigInteger held() {
    return times(deal.pricePerEpoch(), heldEpochs);
  }

  /** Escrow for the epochs not settled yet (not counting what is held). */
  public BigInteger unsettled() {
    return times(deal.pricePerEpoch(), deal.lastEpoch() + 1 - nextEpoch);
  }

  /** Every epoch settled, by the end of the period or by termination. */
  public boolean closed() {
    return nextEpoch > deal.lastEpoch();
  }

  static BigInteger times(BigInteger price, long epochs) {
    return price.multiply(BigInteger.valueOf(epochs));
  }
}
