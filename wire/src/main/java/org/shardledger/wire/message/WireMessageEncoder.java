package org.shardledger.wire.message;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Encodes messages into frames; data frames go out as a header and the data itself, without a copy. */
@Sharable
public final class WireMessageEncoder extends MessageToMessageEncoder<WireMessage> {
  public static final WireMessageEncoder INSTANCE = new WireMessageEncoder();

  private WireMessageEncoder() {
    super(WireMessage.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, WireMessage msg, List<Object> out) {
    WireCodec.encode(msg, ctx.alloc(), out);
  }
}
