package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import org.shardledger.protocol.aggregation.Aggregator;
import org.shardledger.protocol.aggregation.DealVerdict;
import org.shardledger.protocol.aggregation.EpochAggregate;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.payout.PayoutTree;

/**
 * The settlement rules of DESIGN.md, pure and deterministic: from the previous state and an epoch's inputs (deals,
 * stakes, verifier set, signed reports of every epoch since the last settlement) to the {@link Settlement} every
 * verifier signs. The same inputs, in any order, give the same result on every machine. See docs/economics.md.
 */
public final class SettlementRules {
  private final SettlementConfig config;
  private final Aggregator aggregator;

  public SettlementRules(SettlementConfig config, Eip712Domain domain) {
    this.config = Objects.requireNonNull(config, "config");
    this.aggregator = new Aggregator(domain);
  }

  public SettlementConfig config() {
    return config;
  }

  /**
   * Settles every epoch from {@code previous.nextEpoch()} through {@code input.epoch()}, in order.
   *
   * @throws IllegalArgumentException when the input contradicts itself or the state (a caller's bug): audits not
   *     exactly the epochs to process, a known deal with changed terms, an open deal's operator without a stake
   */
  public SettlementResult settle(SettlementState previous, SettlementInput input) {
    long from = previous.nextEpoch();
    List<EpochAudits> audits = epochsToProcess(from, input);
    Book book = new Book(previous, input);

    List<LedgerEntry> entries = new ArrayList<>();
    for (long e = book.firstLateEpoch(from); e < from; e++) {
      book.run(e, id -> DealVerdict.NOT_AUDITED, config, entries);
    }
    List<EpochAggregate> aggregates = new ArrayList<>(audits.size());
    for (EpochAudits epochAudits : audits) {
      EpochAggregate aggregate = aggregator.aggregate(input.verifiers(), epochAudits);
      aggregates.add(aggregate);
      book.run(epochAudits.epoch(), aggregate::verdict, config, entries);
    }

    SettlementState state = book.close(input.epoch() + 1);
    PayoutTree tree = PayoutTree.of(state.cumulative());
    List<Slash> slashes = book.stakes.slashes();
    List<Long> terminations = Terminations.of(entries);
    Settlement settlement = new Settlement(from, input.epoch(), tree.root(), state.cumulativeTotal(),
        Slash.hash(slashes), Terminations.hash(terminations));
    return new SettlementResult(state, settlement, tree, slashes, terminations, aggregates, entries);
  }

  private static List<EpochAudits> epochsToProcess(long from, SettlementInput input) {
    if (input.epoch() < from) {
      throw new IllegalArgumentException("epoch " + input.epoch() + " is already settled (next is " + from + ")");
    }
    List<EpochAudits> audits = new ArrayList<>(input.audits());
    audits.sort(Comparator.comparingLong(EpochAudits::epoch));
    for (int i = 0; i < audits.size(); i++) {
      if (audits.get(i).epoch() != from + i) {
        throw new IllegalArgumentException("audits must cover exactly epochs " + from + ".." + input.epoch()
            + ", found epoch " + audits.get(i).epoch() + " at position " + i);
      }
    }
    if (audits.size() != input.epoch() - from + 1) {
      throw new IllegalArgumentException("audits must cover exactly epochs " + from + ".." + input.epoch()
          + ", got " + audits.size());
    }
    return audits;
  }

  /** The working copy of one settlement: deals by ascending id, credits, stakes. */
  private static final class Book {
    private final Map<Long, Long> ended;
    private final long[] ids;
    private final DealState[] deals;
    private final boolean[] late;
    private final Map<Address, BigInteger> credits;
    private final StakeBook stakes;
    private BigInteger escrowed;

    Book(SettlementState previous, SettlementInput input) {
      ended = input.ended();
      escrowed = previous.escrowed();
      Map<Long, Deal> admitted = new HashMap<>();
      for (Deal deal : input.deals()) {
        Deal known = previous.deal(deal.id()).map(DealState::deal).orElseGet(() -> admitted.get(deal.id()));
        if (known != null && !known.equals(deal)) {
          throw new IllegalArgumentException("deal " + deal.id() + " changed terms: " + deal + " after " + known);
        }
        if (known == null && deal.lastEpoch() >= previous.nextEpoch()) {
          admitted.put(deal.id(), deal);
          escrowed = escrowed.add(deal.totalPrice());
        }
      }
      long[] newIds = admitted.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      long[] oldIds = previous.idsView();
      DealState[] oldDeals = previous.dealsView();
      ids = new long[oldIds.length + newIds.length];
      deals = new DealState[ids.length];
      late = new boolean[ids.length];
      for (int i = 0, j = 0, k = 0; k < ids.length; k++) {
        if (j == newIds.length || (i < oldIds.length && oldIds[i] < newIds[j])) {
          ids[k] = oldIds[i];
          deals[k] = oldDeals[i++];
        } else {
          ids[k] = newIds[j];
          deals[k] = DealState.start(admitted.get(newIds[j++]));
          late[k] = deals[k].nextEpoch() < previous.nextEpoch();
        }
      }
      stakes = new StakeBook(input.stakes());
      for (int i = 0; i < ids.length; i++) {
        if (!deals[i].closed() && !stakes.knows(deals[i].deal().operator())) {
          throw new IllegalArgumentException("no stake given for operator " + deals[i].deal().operator()
              + " of deal " + ids[i]);
        }
      }
      credits = new HashMap<>(previous.cumulative());
    }

    /** The first epoch of a deal first seen after some of its epochs were settled without it. */
    long firstLateEpoch(long from) {
      long first = from;
      for (int i = 0; i < ids.length; i++) {
        if (late[i]) {
          first = Math.min(first, deals[i].nextEpoch());
        }
      }
      return first;
    }

    /** Settles {@code epoch} for every deal whose next epoch it is. */
    void run(long epoch, LongFunction<DealVerdict> verdicts, SettlementConfig config, List<LedgerEntry> entries) {
      for (int i = 0; i < ids.length; i++) {
        DealState state = deals[i];
        if (state.closed() || state.nextEpoch() != epoch) {
          continue;
        }
        Long endEpoch = ended.get(ids[i]);
        boolean endedBefore = endEpoch != null && endEpoch < epoch;
        DealVerdict verdict = endedBefore ? DealVerdict.NOT_AUDITED : verdicts.apply(ids[i]);
        DealStep.Result step = endedBefore ? DealStep.endByOwner(state, epoch, endEpoch)
            : DealStep.apply(state, epoch, verdict, config, stakes);
        deals[i] = step.next();
        entries.add(new LedgerEntry(epoch, ids[i], verdict, step.events()));
        for (DealEvent event : step.events()) {
          event.credit().filter(c -> c.amount().signum() > 0)
              .ifPresent(c -> credits.merge(c.account(), c.amount(), BigInteger::add));
        }
      }
    }

    /** The state after the settlement; deals closed and past their period are forgotten. */
    SettlementState close(long nextEpoch) {
      int kept = 0;
      long[] keptIds = new long[ids.length];
      DealState[] keptDeals = new DealState[ids.length];
      for (int i = 0; i < ids.length; i++) {
        if (!(deals[i].closed() && deals[i].deal().lastEpoch() < nextEpoch)) {
          keptIds[kept] = ids[i];
          keptDeals[kept++] = deals[i];
        }
      }
      BigInteger total = credits.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
      return SettlementState.owning(nextEpoch, Arrays.copyOf(keptIds, kept), Arrays.copyOf(keptDeals, kept), credits,
          total, escrowed);
    }
  }
}
