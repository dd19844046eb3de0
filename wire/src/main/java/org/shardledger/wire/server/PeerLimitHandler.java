package org.shardledger.wire.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.shardledger.wire.message.ErrorCode;

/** Admits a connection only while its address has connections left ({@link PeerLimits}); counts it out at close. */
final class PeerLimitHandler extends ChannelInboundHandlerAdapter {
  private final PeerBook peers;
  private InetAddress counted;

  PeerLimitHandler(PeerBook peers) {
    this.peers = peers;
  }

  /** The peer's IP address (a channel that is not a socket, in tests, counts as loopback). */
  static InetAddress peerOf(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null ? a.getAddress()
        : InetAddress.getLoopbackAddress();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    InetAddress peer = peerOf(ctx);
    String refusal = peers.connect(peer);
    if (refusal != null) {
      Replies.errorAndClose(ctx, 0, ErrorCode.OVERLOADED, refusal);
      return;
    }
    counted = peer;
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (counted != null) {
      peers.disconnect(counted);
      counted = null;
    }
    super.channelInactive(ctx);
  }
}
