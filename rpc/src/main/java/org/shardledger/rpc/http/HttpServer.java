package org.shardledger.rpc.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server over Netty's codec (keep-alive, size-capped bodies, pipelined requests answered in order) that
 * hands each request to an {@link HttpService} on a bounded worker pool: the event loops only parse and write.
 * The JSON-RPC server, the admin interface and the metrics endpoint of every role are instances of it.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final HttpServerSettings settings;
  private final EventLoopGroup boss;
  private final EventLoopGroup io;
  private final ThreadPoolExecutor workers;
  private final Channel channel;

  private HttpServer(HttpServerSettings settings, HttpService service) throws IOException {
    this.settings = settings;
    this.boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(settings.name() + "-accept", true),
        NioIoHandler.newFactory());
    this.io = new MultiThreadIoEventLoopGroup(Math.min(4, Runtime.getRuntime().availableProcessors()),
        new DefaultThreadFactory(settings.name() + "-io", true), NioIoHandler.newFactory());
    this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(settings.workQueue()), new DefaultThreadFactory(settings.name() + "-work", true));
    ServerBootstrap bootstrap = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024).childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new HttpInitializer(settings, service, workers));
    try {
      this.channel = bootstrap.bind(settings.bind()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutdown();
      throw new IOException("cannot listen on " + settings.bind() + ": " + e.getMessage(), e);
    }
  }

  /** Binds and starts serving; port 0 picks a free port ({@link #port()}). */
  public static HttpServer start(HttpServerSettings settings, HttpService service) throws IOException {
    HttpServer server = new HttpServer(settings, service);
    LOG.info("{} listening on {}", settings.name(), server.url());
    return server;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  public int port() {
    return address().getPort();
  }

  public URI url() {
    return URI.create("http://" + settings.bind().getHostString() + ":" + port());
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    shutdown();
  }

  private void shutdown() {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownNow();
  }
}
