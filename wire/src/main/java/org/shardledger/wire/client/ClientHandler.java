package org.shardledger.wire.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.shardledger.wire.message.WireMessage;
import org.shardledger.wire.message.WireProtocolException;

/** Routes what the operator sends to the exchange in progress; anything unasked for ends the connection. */
final class ClientHandler extends ChannelInboundHandlerAdapter {
  private final WritabilityGate gate = new WritabilityGate();
  private Exchange<?> current;

  void begin(Exchange<?> exchange) {
    current = exchange;
  }

  void ended(Exchange<?> exchange) {
    if (current == exchange) {
      current = null;
    }
  }

  WritabilityGate gate() {
    return gate;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      Exchange<?> exchange = current;
      if (!(msg instanceof WireMessage m) || exchange == null) {
        ctx.close();
        return;
      }
      if (m.requestId() != exchange.requestId) {
        exchange.garbled("answer for request " + m.requestId() + " while " + exchange.requestId + " is open");
        return;
      }
      exchange.touch();
      exchange.onMessage(m);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    gate.set(ctx.channel().isWritable());
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    gate.close();
    if (current != null) {
      current.fail(new Failure.Unreachable("the operator closed the connection"));
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause.getCause() != null ? cause.getCause() : cause;
    if (current != null) {
      if (root instanceof WireProtocolException || cause instanceof io.netty.handler.codec.DecoderException) {
        current.garbled("unreadable answer: " + root.getMessage());
      } else {
        current.fail(new Failure.Unreachable(root.toString()));
      }
    }
    ctx.close();
  }
}
