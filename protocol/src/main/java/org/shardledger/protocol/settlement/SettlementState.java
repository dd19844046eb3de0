package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/**
 * What the rules carry from one settlement to the next: the next epoch to settle, the deals not yet closed, the
 * cumulative credit of every account since genesis, and all the escrow that ever entered the rules. Immutable.
 *
 * <p>A closed deal is forgotten once its last epoch is settled; a deal terminated early is kept (closed) until
 * then, so that passing it again as active changes nothing.
 */
public final class SettlementState {
  private final long nextEpoch;
  private final Map<Long, DealState> deals;
  private final Map<Address, BigInteger> cumulative;
  private final BigInteger cumulativeTotal;
  private final BigInteger escrowed;

  private SettlementState(long nextEpoch, Map<Long, DealState> deals, Map<Address, BigInteger> cumulative,
      BigInteger cumulativeTotal, BigInteger escrowed) {
    this.nextEpoch = nextEpoch;
    this.deals = Collections.unmodifiableMap(deals);
    this.cumulative = Collections.unmodifiableMap(cumulative);
    this.cumulativeTotal = cumulativeTotal;
    this.escrowed = escrowed;
  }

  /** Nothing settled yet; the first settlement starts at epoch 0. */
  public static SettlementState genesis() {
    return new SettlementState(0, new HashMap<>(), new HashMap<>(), BigInteger.ZERO, BigInteger.ZERO);
  }

  /** A state restored from storage (copies its arguments). */
  public static SettlementState restore(long nextEpoch, Collection<DealState> deals,
      Map<Address, BigInteger> cumulative, BigInteger escrowed) {
    Map<Long, DealState> byId = new HashMap<>();
    deals.forEach(d -> byId.put(d.deal().id(), d));
    BigInteger total = cumulative.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    return new SettlementState(nextEpoch, byId, new HashMap<>(cumulative), total, Objects.requireNonNull(escrowed));
  }

  /** Takes ownership of the maps: the caller must not keep or change them. */
  static SettlementState owning(long nextEpoch, Map<Long, DealState> deals, Map<Address, BigInteger> cumulative,
      BigInteger cumulativeTotal, BigInteger escrowed) {
    return new SettlementState(nextEpoch, deals, cumulative, cumulativeTotal, escrowed);
  }

  /** The first epoch the next settlement covers (1 + the last settled epoch). */
  public long nextEpoch() {
    return nextEpoch;
  }

  /** Deals not yet forgotten, by id. */
  public Map<Long, DealState> deals() {
    return deals;
  }

  public Optional<DealState> deal(long id) {
    return Optional.ofNullable(deals.get(id));
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
    return deals.values().stream().map(DealState::held).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** Escrow of epochs not settled yet. {@code cumulativeTotal + held + unsettled = escrowed}, always. */
  public BigInteger unsettled() {
    return deals.values().stream().map(DealState::unsettled).reduce(BigInteger.ZERO, BigInteger::add);
  }
}
