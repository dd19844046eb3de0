package org.shardledger.wire.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.shardledger.wire.message.WireFrameDecoder;
import org.shardledger.wire.message.WireMessageEncoder;

/**
 * The operator's pipeline: traffic count, idle watch, size-capped frame decoder, encoder, connections per
 * address, handshake, requests, errors.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
  private final ServerContext server;

  ServerInitializer(ServerContext server) {
    this.server = server;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.pipeline()
        .addLast("traffic", server.traffic())
        .addLast("idle", new IdleStateHandler(true, 0, 0, server.settings().idleTimeout().toMillis(),
            TimeUnit.MILLISECONDS))
        .addLast("decoder", new WireFrameDecoder(server.settings().maxFrameLength()))
        .addLast("encoder", WireMessageEncoder.INSTANCE)
        .addLast("limits", new PeerLimitHandler(server.peers()))
        .addLast("handshake", new ServerHandshakeHandler(server))
        .addLast("requests", new ServerRequestHandler(server))
        .addLast("errors", ServerErrorHandler.INSTANCE);
  }
}
