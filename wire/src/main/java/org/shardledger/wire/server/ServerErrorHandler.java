package org.shardledger.wire.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.WireProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last in the pipeline: a frame that cannot be read gets an ERROR and the connection closes; I/O errors just close. */
@Sharable
final class ServerErrorHandler extends ChannelInboundHandlerAdapter {
  static final ServerErrorHandler INSTANCE = new ServerErrorHandler();
  private static final Logger LOG = LoggerFactory.getLogger(ServerErrorHandler.class);

  private ServerErrorHandler() {}

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause.getCause() != null ? cause.getCause() : cause;
    if (cause instanceof TooLongFrameException || root instanceof TooLongFrameException) {
      Replies.error(ctx, 0, ErrorCode.FRAME_TOO_LARGE, root.getMessage());
    } else if (root instanceof WireProtocolException e) {
      Replies.error(ctx, 0, e.code(), e.getMessage());
    } else {
      LOG.debug("closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }
}
