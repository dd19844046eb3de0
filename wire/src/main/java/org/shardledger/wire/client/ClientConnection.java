package org.shardledger.wire.client;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import org.shardledger.protocol.crypto.Address;

/** One handshaken connection to an operator: runs one exchange at a time, then goes back to its pool or closes. */
final class ClientConnection {
  private final Channel channel;
  private final ClientHandler handler;
  private final Address operator;
  private final OperatorClient owner;
  private int nextRequestId;

  ClientConnection(Channel channel, ClientHandler handler, Address operator, OperatorClient owner) {
    this.channel = channel;
    this.handler = handler;
    this.operator = operator;
    this.owner = owner;
  }

  Channel channel() {
    return channel;
  }

  Address operator() {
    return operator;
  }

  WritabilityGate gate() {
    return handler.gate();
  }

  boolean isActive() {
    return channel.isActive();
  }

  <R> CompletableFuture<R> run(Exchange<R> exchange) {
    channel.eventLoop().execute(() -> {
      handler.begin(exchange);
      exchange.begin(this, ++nextRequestId);
      if (!channel.isActive()) {
        exchange.fail(new Failure.Unreachable("the connection closed before the request was sent"));
      }
    });
    return exchange.result;
  }

  void exchangeEnded(Exchange<?> exchange, boolean reusable) {
    handler.ended(exchange);
    if (!reusable || !channel.isActive()) {
      channel.close();
    } else if (!(exchange instanceof HandshakeExchange)) {
      owner.giveBack(this);
    }
  }

  void close() {
    channel.close();
  }
}
