package org.shardledger.chainstore.settlement;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shardledger.chainstore.ChainMirror.MirroredSettlement;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.beacon.BeaconWindow;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

/** {@link SettlementChain} over a role's chain mirror, with stakes read from the chain at a block. */
public final class MirrorSettlementChain implements SettlementChain {
  private final ChainMirror mirror;
  private final Deployment deployment;
  private final StakeReader stakes;

  public MirrorSettlementChain(ChainMirror mirror, Deployment deployment, StakeReader stakes) {
    this.mirror = mirror;
    this.deployment = deployment;
    this.stakes = stakes;
  }

  @Override
  public Map<Long, Long> endedDealsBefore(long epoch) throws IOException {
    return mirror.endedDealsBefore(epoch);
  }

  @Override
  public long settledThrough() throws IOException {
    return mirror.lastSettledEpoch().map(e -> e + 1).orElse(0L);
  }

  @Override
  public long confirmedBlock() throws IOException {
    return mirror.mirroredThrough();
  }

  @Override
  public long lastBlockOf(long epoch) {
    return deployment.epochStartBlock(epoch + 1) - 1;
  }

  @Override
  public List<Deal> activatedDealsThrough(long epoch) throws IOException {
    return mirror.activatedDeals().stream().map(ChainMirror.MirroredDeal::deal).filter(d -> d.firstEpoch() <= epoch)
        .toList();
  }

  @Override
  public Optional<VerifierSet> verifierSet() throws IOException {
    Set<Address> members = mirror.verifiers();
    int threshold = mirror.threshold();
    if (members.isEmpty() || threshold < 1 || threshold > members.size()) {
      return Optional.empty();
    }
    return Optional.of(new VerifierSet(members, threshold));
  }

  @Override
  public BeaconStatus beacon(long epoch) throws IOException {
    if (mirror.beacon(epoch).isPresent()) {
      return BeaconStatus.RECORDED;
    }
    return BeaconWindow.closed(deployment.epochStartBlock(epoch), confirmedBlock()) ? BeaconStatus.MISSING
        : BeaconStatus.UNDECIDED;
  }

  @Override
  public Optional<MirroredSettlement> settlement(long epoch) throws IOException {
    return mirror.settlement(epoch);
  }

  @Override
  public BigInteger stakeAt(Address operator, long block) throws IOException {
    return stakes.stakeAt(operator, block);
  }
}
