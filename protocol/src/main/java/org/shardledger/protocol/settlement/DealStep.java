package org.shardledger.protocol.settlement;

import static org.shardledger.protocol.settlement.DealState.times;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.aggregation.DealVerdict;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.DealEvent.FailCause;
import org.shardledger.protocol.settlement.DealEvent.RefundCause;

/** The per-deal rules: one epoch's verdict turns a deal's state into the next one and the money it moves. */
final class DealStep {
  record Result(DealState next, List<DealEvent> events) {}

  private DealStep() {}

  static Result apply(DealState state, long epoch, DealVerdict verdict, SettlementConfig config, StakeBook stakes) {
    if (state.closed() || state.nextEpoch() != epoch) {
      throw new IllegalStateException("deal " + state.deal().id() + " does not settle epoch " + epoch + " next");
    }
    Deal deal = state.deal();
    BigInteger price = deal.pricePerEpoch();
    List<DealEvent> events = new ArrayList<>(2);
    DealState next = switch (verdict.outcome()) {
      case PASS -> {
        events.add(new DealEvent.Paid(deal.operator(), price));
        if (state.heldEpochs() > 0) {
          events.add(new DealEvent.Released(deal.operator(), state.held(), state.heldEpochs()));
        }
        yield new DealState(deal, epoch + 1, 0, state.fails(), false);
      }
      case UNREACHABLE -> {
        int held = state.heldEpochs() + 1;
        if (held >= config.graceEpochs()) {
          yield fail(state, epoch, FailCause.GRACE_EXPIRED, config, stakes, events);
        }
        events.add(new DealEvent.Held(price, held));
        yield new DealState(deal, epoch + 1, held, state.fails(), false);
      }
      case FAIL -> fail(state, epoch, FailCause.REPORTED, config, stakes, events);
    };
    if (epoch == deal.lastEpoch() && next.heldEpochs() > 0) {
      events.add(new DealEvent.HeldRefunded(RefundCause.PERIOD_ENDED, deal.owner(), next.held(), next.heldEpochs()));
      next = new DealState(deal, next.nextEpoch(), 0, next.fails(), next.terminated());
    }
    return new Result(next, List.copyOf(events));
  }

  /**
   * The owner ended the deal on chain, paid through {@code endEpoch} (before {@code epoch}, the deal's next epoch):
   * the deal closes, the price of the epochs after {@code endEpoch} and any held escrow go back to the owner.
   */
  static Result endByOwner(DealState state, long epoch, long endEpoch) {
    if (state.closed() || state.nextEpoch() != epoch || endEpoch >= epoch) {
      throw new IllegalStateException("deal " + state.deal().id() + " does not end before epoch " + epoch);
    }
    Deal deal = state.deal();
    List<DealEvent> events = new ArrayList<>(2);
    if (state.heldEpochs() > 0) {
      events.add(new DealEvent.HeldRefunded(RefundCause.OWNER_ENDED, deal.owner(), state.held(), state.heldEpochs()));
    }
    long rest = deal.lastEpoch() - endEpoch;
    events.add(new DealEvent.EndedByOwner(deal.owner(), times(deal.pricePerEpoch(), rest), rest, endEpoch));
    return new Result(new DealState(deal, deal.lastEpoch() + 1, 0, state.fails(), true), List.copyOf(events));
  }

  /**
   * The epoch fails: its price and the epochs held before it go back to the owner, the stake is slashed once, and
   * after {@code maxFails} the deal ends with the rest of its escrow back to the owner.
   */
  private static DealState fail(DealState state, long epoch, FailCause cause, SettlementConfig config,
      StakeBook stakes, List<DealEvent> events) {
    Deal deal = state.deal();
    BigInteger price = deal.pricePerEpoch();
    BigInteger due = config.slashFor(price);
    int fails = state.fails() + 1;
    events.add(new DealEvent.Failed(cause, deal.owner(), price, deal.operator(), due,
        stakes.take(deal.operator(), due), fails));
    if (state.heldEpochs() > 0) {
      events.add(new DealEvent.HeldRefunded(RefundCause.DEAL_FAILED, deal.owner(), state.held(),
          state.heldEpochs()));
    }
    if (fails < config.maxFails()) {
      return new DealState(deal, epoch + 1, 0, fails, false);
    }
    long rest = deal.lastEpoch() - epoch;
    events.add(new DealEvent.Terminated(deal.owner(), times(price, rest), rest));
    return new DealState(deal, deal.lastEpoch() + 1, 0, fails, true);
  }
}
