package org.shardledger.wire.client;

import java.time.Duration;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.wire.message.WireMessage;

/** TERMS → the operator's terms, signed by the operator the connection's handshake proved, naming that operator. */
final class TermsExchange extends Exchange<TermsResult> {
  private final Eip712Domain domain;

  TermsExchange(Duration timeout, Eip712Domain domain) {
    super(timeout);
    this.domain = domain;
  }

  @Override
  void send() {
    connection.channel().writeAndFlush(new WireMessage.TermsRequest(requestId));
  }

  @Override
  void onMessage(WireMessage message) {
    switch (message) {
      case WireMessage.TermsAnswer t when !t.terms().operator().equals(connection.operator()) ->
          garbled("the terms name operator " + t.terms().operator() + ", not " + connection.operator());
      case WireMessage.TermsAnswer t when domain.isSignedBy(t.terms(), t.signature(), connection.operator()) ->
          succeed(new TermsResult.Terms(t.terms(), t.signature()), true);
      case WireMessage.TermsAnswer t ->
          garbled("the OperatorTerms signature does not recover to " + connection.operator());
      case WireMessage.Error e -> fail(new Failure.Rejected(e.code(), e.message()));
      default -> garbled("unexpected answer to TERMS: " + message.type() + " " + message);
    }
  }
}
