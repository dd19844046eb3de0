package org.shardledger.chainstore.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shardledger.chainstore.ChainMirror.MirroredSettlement;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Settlement;

/** A {@link SettlementChain} whose state a test sets: epochs of {@code epochLength} blocks from block 0. */
public final class InMemorySettlementChain implements SettlementChain {
  private final long epochLength;
  private long confirmedBlock;
  private VerifierSet verifiers;
  private final Map<Long, Deal> deals = new TreeMap<>();
  private final Map<Long, BeaconStatus> beacons = new HashMap<>();
  private final Map<Long, MirroredSettlement> settlements = new HashMap<>();
  private final Map<Address, BigInteger> stakes = new HashMap<>();
  private final Map<Long, Long> ended = new TreeMap<>();

  public InMemorySettlementChain(long epochLength, VerifierSet verifiers) {
    this.epochLength = epochLength;
    this.verifiers = verifiers;
  }

  public synchronized InMemorySettlementChain confirmThrough(long block) {
    confirmedBlock = block;
    return this;
  }

  public synchronized InMemorySettlementChain activate(Deal deal) {
    deals.put(deal.id(), deal);
    return this;
  }

  public synchronized InMemorySettlementChain beacon(long epoch, BeaconStatus status) {
    beacons.put(epoch, status);
    return this;
  }

  public synchronized InMemorySettlementChain stake(Address operator, BigInteger stake) {
    stakes.put(operator, stake);
    return this;
  }

  public synchronized InMemorySettlementChain verifiers(VerifierSet set) {
    verifiers = set;
    return this;
  }

  public synchronized InMemorySettlementChain settled(Settlement settlement) {
    settlements.put(settlement.epoch(), new MirroredSettlement(settlement, Bytes32.ofUnsigned(settlement.epoch() + 1),
        confirmedBlock));
    return this;
  }

  /** The deal ended on chain, paid through {@code endEpoch}. */
  public synchronized InMemorySettlementChain ended(long dealId, long endEpoch) {
    ended.put(dealId, endEpoch);
    return this;
  }

  @Override
  public synchronized Map<Long, Long> endedDealsBefore(long epoch) {
    Map<Long, Long> out = new TreeMap<>();
    ended.forEach((id, end) -> {
      if (end < epoch) {
        out.put(id, end);
      }
    });
    return out;
  }

  @Override
  public synchronized long settledThrough() {
    return settlements.keySet().stream().mapToLong(e -> e + 1).max().orElse(0);
  }

  @Override
  public synchronized long confirmedBlock() {
    return confirmedBlock;
  }

  @Override
  public long lastBlockOf(long epoch) {
    return (epoch + 1) * epochLength - 1;
  }

  @Override
  public synchronized List<Deal> activatedDealsThrough(long epoch) {
    return new ArrayList<>(deals.values().stream().filter(d -> d.firstEpoch() <= epoch).toList());
  }

  @Override
  public synchronized Optional<VerifierSet> verifierSet() {
    return Optional.ofNullable(verifiers);
  }

  @Override
  public synchronized BeaconStatus beacon(long epoch) {
    return beacons.getOrDefault(epoch, BeaconStatus.RECORDED);
  }

  @Override
  public synchronized Optional<MirroredSettlement> settlement(long epoch) {
    return Optional.ofNullable(settlements.get(epoch));
  }

  @Override
  public synchronized BigInteger stakeAt(Address operator, long block) {
    return stakes.getOrDefault(operator, BigInteger.ZERO);
  }
}
