package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/**
 * What the rules carry from one settlement to the next: the next epoch to settle, the deals not yet forgotten
 * (sorted by id), the cumulative credit of every account since genesis, and all the escrow that ever entered the
 * rules. Immutable.
 *
 * <p>A deal is forgotten once its last epoch is settled; a deal terminated early is kept (closed) until then, so
 * that passing it again as active changes nothing (docs/decisions/0033).
 */
public final class SettlementState {
  private final long nextEpoch;
  private final long[] ids;
  private final DealState[] deals;
  private final Map<Address, BigInteger> cumulative;
  private final BigInteger cumulativeTotal;
  private final BigInteger escrowed;

  private SettlementState(long nextEpoch, long[] ids, DealState[] deals, Map<Address, BigInteger> cumulative,
      BigInteger cumulativeTotal, BigInteger escrowed) {
    this.nextEpoch = nextEpoch;
    this.ids = ids;
    this.deals = deals;
    this.cumulative = Collections.unmodifiableMap(cumulative);
    this.cumulativeTotal = cumulativeTotal;
    this.escrowed = escrowed;
  }

  /** Nothing settled yet; the first settlement starts at epoch 0. */
  public static SettlementState genesis() {
    return new SettlementState(0, new long[0], new DealState[0], new HashMap<>(), BigInteger.ZERO, BigInteger.ZERO);
  }

  /** A state restored from storage (copies its arguments). */
  public static SettlementState restore(long nextEpoch, Collection<DealState> deals,
      Map<Address, BigInteger> cumulative, BigInteger escrowed) {
    DealState[] sorted = deals.toArray(DealState[]::new);
    Arrays.sort(sorted, Comparator.comparingLong(d -> d.deal().id()));
    long[] ids = Arrays.stream(sorted).mapToLong(d -> d.deal().id()).toArray();
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] == ids[i - 1]) {
        throw new IllegalArgumentException("deal " + ids[i] + " appears twice");
      }
    }
    BigInteger total = cumulative.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    return new SettlementState(nextEpoch, ids, sorted, new HashMap<>(cumulative), total,
        Objects.requireNonNull(escrowed));
  }

  /** Takes ownership of its arguments ({@code ids} ascending, {@code deals} in the same order). */
  static SettlementState owning(long nextEpoch, long[] ids, DealState[] deals, Map<Address, BigInteger> cumulative,
      BigInteger cumulativeTotal, BigInteger escrowed) {
    return new SettlementState(nextEpoch, ids, deals, cumulative, cumulativeTotal, escrowed);
  }

  /** The first epoch the next settlement covers (1 + the last settled epoch). */
  public long nextEpoch() {
    return nextEpoch;
  }

  /** Deals not yet forgotten, by ascending id. */
  public List<DealState> deals() {
    return Collections.unmodifiableList(Arrays.asList(deals));
  }

  public Optional<DealState> deal(long id) {
    int i = Arrays.binarySearch(ids, id);
    return i >= 0 ? Optional.of(deals[i]) : Optional.empty();
  }

  long[] idsView() {
    return ids;
  }

  DealState[] dealsView() {
    return deals;
  }

  /** Cumulative credit per account since genesis (earnings and refunds alike); no zero amounts. */
  public Map<Address, BigInteger> cumulative() {
    return cumulative;
  }

  public BigInteger cumulativeOf(Address account) {
    return cumulative.getOrDefault(account, BigInteger.ZERO);
  }

  /** The sum of all cumulative credits: the settlement's {@code cumulativeTotal}. */
  public BigInteger cumulativeTotal() {
    return cumulativeTotal;
  }

  /** The total price of every deal that ever entered the rules. */
  public BigInteger escrowed() {
    return escrowed;
  }

  /** Escrow held for UNREACHABLE epochs. */
  public BigInteger held() {
    return Arrays.stream(deals).map(DealState::held).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** Escrow of epochs not settled yet. {@code cumulativeTotal + held + unsettled = escrowed}, always. */
  public BigInteger unsettled() {
    return Arrays.stream(deals).map(DealState::unsettled).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /**
   * The operators whose stake a settlement from this state with {@code deals} (the chain's, by id) needs
   * (docs/decisions/0034): those of every open deal the state holds and of every deal it will admit.
   */
  public java.util.Set<Address> operatorsToStake(List<org.shardledger.protocol.deal.Deal> deals) {
    java.util.Set<Address> operators = new java.util.TreeSet<>();
    for (DealState d : deals()) {
      if (!d.closed()) {
        operators.add(d.deal().operator());
      }
    }
    for (org.shardledger.protocol.deal.Deal d : deals) {
      if (d.lastEpoch() >= nextEpoch() && deal(d.id()).isEmpty()) {
        operators.add(d.operator());
      }
    }
    return operators;
  }
}
