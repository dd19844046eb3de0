package org.shardledger.wire.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.wire.internal.Transports;

/**
 * The operator's wire endpoint: binds, serves every connection with a {@link ServerInitializer} pipeline, and stops.
 * Blocking work goes to the given executor, which the caller owns.
 */
public final class WireServer implements AutoCloseable {
  private final ServerContext context;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel channel;

  public WireServer(ServerSettings settings, long chainId, KeyPair operatorKey, OperatorBackend backend,
      Executor work) {
    this.context = new ServerContext(settings, chainId, operatorKey, backend, work);
  }

  /** Binds and returns the address it listens on (the real port when the settings ask for port 0). */
  public synchronized InetSocketAddress start() throws InterruptedException {
    if (channel != null) {
      throw new IllegalStateException("already started");
    }
    boss = Transports.group(1, "wire-accept");
    workers = Transports.group(0, "wire-io");
    ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(Transports.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 256).childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ServerInitializer(context));
    try {
      channel = bootstrap.bind(context.settings().host(), context.settings().port()).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
    return address();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Connections and bytes so far (for metrics). */
  public WireTraffic traffic() {
    return context.traffic();
  }

  public Address operator() {
    return context.operatorKey().address();
  }

  /** Stops accepting, closes every connection (uploads in progress are aborted) and waits for the event loops. */
  @Override
  public synchronized void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
      channel = null;
    }
    for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
      if (group != null) {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }
    boss = null;
    workers = null;
  }
}
