package org.shardledger.wire.client;

import java.time.Duration;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.wire.message.WireMessage;

/** CHALLENGE(deal, epoch) → a proof or a no-data answer whose signature recovers to the operator. */
final class ChallengeExchange extends Exchange<ChallengeResult> {
  private final Eip712Domain domain;
  private final long dealId;
  private final long epoch;

  ChallengeExchange(Duration timeout, Eip712Domain domain, long dealId, long epoch) {
    super(timeout);
    this.domain = domain;
    this.dealId = dealId;
    this.epoch = epoch;
  }

  @Override
  void send() {
    connection.channel().writeAndFlush(new WireMessage.ChallengeRequest(requestId, dealId, epoch));
  }

  @Override
  void onMessage(WireMessage message) {
    switch (message) {
      case WireMessage.ProofAnswer p when p.dealId() == dealId && p.epoch() == epoch ->
          signed(new ChallengeResult.Proof(dealId, epoch, p.proof(), p.signature()));
      case WireMessage.NoDataAnswer n when n.dealId() == dealId && n.epoch() == epoch ->
          signed(new ChallengeResult.NoData(dealId, epoch, n.signature()));
      case WireMessage.Error e -> fail(new Failure.Rejected(e.code(), e.message()));
      default -> garbled("unexpected answer to a challenge: " + message.type() + " " + message);
    }
  }

  private void signed(ChallengeResult answer) {
    boolean ok = switch (answer) {
      case ChallengeResult.Proof p -> domain.isSignedBy(p.response(), p.signature(), connection.operator());
      case ChallengeResult.NoData n -> domain.isSignedBy(n.response(), n.signature(), connection.operator());
      case Failure f -> false;
    };
    if (ok) {
      succeed(answer, true);
    } else {
      garbled("the answer's ProofResponse signature does not recover to " + connection.operator());
    }
  }
}
