package org.shardledger.verifier.onchain;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.verifier.audit.AuditView;
import org.shardledger.verifier.audit.EpochBeacon;
import org.shardledger.verifier.audit.OperatorEndpoint;

/**
 * The auditors' view read from the verifier's chain mirror (confirmed events) and, for the head, the chain.
 *
 * @param dial where to dial an operator instead of the endpoint it registered ("host:port", e.g. a proxy in front
 *     of it); the operator's handshake signature is checked all the same
 */
public record MirrorAuditView(ChainMirror mirror, Chain chain, Map<Address, String> dial) implements AuditView {
  public MirrorAuditView {
    dial = Map.copyOf(dial);
  }

  public MirrorAuditView(ChainMirror mirror, Chain chain) {
    this(mirror, chain, Map.of());
  }

  @Override
  public long headBlock() throws IOException {
    return chain.blockNumber();
  }

  @Override
  public long confirmedThrough() throws IOException {
    return mirror.mirroredThrough();
  }

  @Override
  public Optional<EpochBeacon> beacon(long epoch) throws IOException {
    return mirror.beacon(epoch).map(b -> new EpochBeacon(b.epoch(), b.beacon()));
  }

  @Override
  public List<Deal> dealsToAudit(long epoch) throws IOException {
    return mirror.activeDeals(epoch).stream().map(ChainMirror.MirroredDeal::deal).toList();
  }

  @Override
  public Optional<OperatorEndpoint> operator(Address operator) throws IOException {
    return mirror.operator(operator).map(o -> new OperatorEndpoint(o.address(), dial.getOrDefault(o.address(),
        o.endpoint())));
  }
}
