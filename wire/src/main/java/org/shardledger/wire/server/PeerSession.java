package org.shardledger.wire.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

/**
 * What the server knows about the peer of one connection: the handshake's nonces, and the requester whose key the
 * peer proved with IDENTIFY, if it did. Set once the handshake is answered; touched only on the event loop.
 */
final class PeerSession {
  private static final AttributeKey<PeerSession> KEY = AttributeKey.valueOf("shardledger.wire.peer");

  private final int version;
  private final Bytes32 clientNonce;
  private final Bytes32 serverNonce;
  private Address requester;

  PeerSession(int version, Bytes32 clientNonce, Bytes32 serverNonce) {
    this.version = version;
    this.clientNonce = Objects.requireNonNull(clientNonce, "clientNonce");
    this.serverNonce = Objects.requireNonNull(serverNonce, "serverNonce");
  }

  static void attach(Channel channel, PeerSession session) {
    channel.attr(KEY).set(session);
  }

  /** The session of a connection past its handshake. */
  static PeerSession of(Channel channel) {
    PeerSession session = channel.attr(KEY).get();
    if (session == null) {
      throw new IllegalStateException("no handshake on " + channel);
    }
    return session;
  }

  int version() {
    return version;
  }

  Bytes32 clientNonce() {
    return clientNonce;
  }

  Bytes32 serverNonce() {
    return serverNonce;
  }

  Optional<Address> requester() {
    return Optional.ofNullable(requester);
  }

  void identified(Address requester) {
    this.requester = Objects.requireNonNull(requester, "requester");
  }
}
