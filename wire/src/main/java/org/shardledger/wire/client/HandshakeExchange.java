package org.shardledger.wire.client;

import java.security.SecureRandom;
import java.time.Duration;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.wire.handshake.HelloStatement;
import org.shardledger.wire.handshake.RequesterStatement;
import org.shardledger.wire.message.WireFormat;
import org.shardledger.wire.message.WireMessage;

/**
 * HELLO with a fresh nonce; the answer must come from the operator we meant: same chain, a version we speak, and a
 * signature over both nonces that recovers to that operator. Ends with the connection, or an Unreachable failure.
 */
final class HandshakeExchange extends Exchange<Object> {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final long chainId;
  private final Address expected;
  private final KeyPair requester;
  private Bytes32 clientNonce;
  private boolean identifying;

  /** With a {@code requester} key (or null), the client also proves it holds that key (IDENTIFY) before use. */
  HandshakeExchange(Duration timeout, long chainId, Address expected, KeyPair requester) {
    super(timeout);
    this.chainId = chainId;
    this.expected = expected;
    this.requester = requester;
  }

  @Override
  void send() {
    byte[] nonce = new byte[Bytes32.SIZE];
    RANDOM.nextBytes(nonce);
    clientNonce = Bytes32.of(nonce);
    connection.channel().writeAndFlush(new WireMessage.Hello(requestId, WireFormat.VERSION, WireFormat.VERSION,
        chainId, clientNonce));
  }

  @Override
  void onMessage(WireMessage message) {
    switch (message) {
      case WireMessage.HelloOk ok when !identifying -> check(ok);
      case WireMessage.IdentifyOk ok when identifying && ok.requester().equals(requester.address()) ->
          succeed(connection, true);
      case WireMessage.Error e -> fail(new Failure.Unreachable("handshake refused: " + e.code() + " " + e.message()));
      default -> fail(new Failure.Unreachable("handshake answered with " + message.type()));
    }
  }

  private void check(WireMessage.HelloOk ok) {
    if (ok.version() != WireFormat.VERSION || ok.chainId() != chainId) {
      fail(new Failure.Unreachable("the peer chose version " + ok.version() + " on chain " + ok.chainId()));
    } else if (!ok.operator().equals(expected)) {
      fail(new Failure.Unreachable("the peer is operator " + ok.operator() + ", not " + expected));
    } else if (!new HelloStatement(chainId, ok.version(), clientNonce, ok.serverNonce(), ok.operator())
        .isSignedByOperator(ok.signature())) {
      fail(new Failure.Unreachable("the handshake signature does not recover to " + expected));
    } else if (requester != null) {
      identifying = true;
      Signature signature = new RequesterStatement(chainId, ok.version(), clientNonce, ok.serverNonce(),
          ok.operator(), requester.address()).sign(requester);
      connection.channel().writeAndFlush(new WireMessage.Identify(requestId, requester.address(), signature));
    } else {
      succeed(connection, true);
    }
  }
}
