package org.shardledger.wire.message;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Cuts the byte stream into frames (u32 length prefix, capped) and decodes each into a {@link WireMessage}. An
 * oversized length fails at once, before any of the frame is buffered; a frame that cannot be read fails with a
 * {@link DecoderException} whose cause is a {@link WireProtocolException}.
 */
public final class WireFrameDecoder extends LengthFieldBasedFrameDecoder {
  public WireFrameDecoder(int maxFrameLength) {
    super(maxFrameLength + 4, 0, 4, 0, 4, true);
  }

  public WireFrameDecoder() {
    this(WireFormat.MAX_FRAME_LENGTH);
  }

  @Override
  protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
    ByteBuf frame = (ByteBuf) super.decode(ctx, in);
    if (frame == null) {
      return null;
    }
    try {
      return WireCodec.decode(frame);
    } catch (WireProtocolException e) {
      throw new DecoderException(e);
    } finally {
      frame.release();
    }
  }
}
