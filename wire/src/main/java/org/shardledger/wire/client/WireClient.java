package org.shardledger.wire.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.runtime.DaemonThreads;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.wire.internal.Transports;
import org.shardledger.wire.message.WireFormat;
import org.shardledger.wire.message.WireFrameDecoder;
import org.shardledger.wire.message.WireMessageEncoder;

/**
 * The client side of the wire protocol, shared by everything a process says to operators (a verifier audits many
 * at once): one event loop group and one pool of threads for local file and stream I/O.
 */
public final class WireClient implements AutoCloseable {
  private final ClientSettings settings;
  private final EventLoopGroup group;
  private final ExecutorService blocking;
  private final KeyPair requester;

  /** A client that only audits and uploads: it never identifies itself, so operators serve it no retrievals. */
  public WireClient(ClientSettings settings) {
    this(settings, null);
  }

  /**
   * A client that proves, on every connection, that it holds {@code requester}'s key (IDENTIFY), so operators serve
   * it retrievals with tickets made out to that account.
   */
  public WireClient(ClientSettings settings, KeyPair requester) {
    this.settings = settings;
    this.requester = requester;
    this.group = Transports.group(settings.ioThreads(), "wire-client");
    this.blocking = Executors.newCachedThreadPool(DaemonThreads.named("wire-client-io"));
  }

  public ClientSettings settings() {
    return settings;
  }

  /** The account this client identifies as, if any. */
  public Optional<KeyPair> requester() {
    return Optional.ofNullable(requester);
  }

  /** Requests to the operator {@code expected} at {@code address}; connections are opened when needed. */
  public OperatorClient operator(InetSocketAddress address, Address expected) {
    return new OperatorClient(this, address, expected);
  }

  ExecutorService blocking() {
    return blocking;
  }

  /** Connects and runs the handshake: completes with a {@link ClientConnection} or a {@link Failure}. */
  CompletableFuture<Object> connect(OperatorClient owner) {
    ClientHandler handler = new ClientHandler();
    Bootstrap bootstrap = new Bootstrap().group(group).channel(Transports.channel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new WireFrameDecoder(WireFormat.MAX_FRAME_LENGTH), WireMessageEncoder.INSTANCE,
                handler);
          }
        });
    CompletableFuture<Object> result = new CompletableFuture<>();
    try {
      bootstrap.connect(owner.address()).addListener(f -> {
        if (!f.isSuccess()) {
          result.complete(new Failure.Unreachable("cannot connect to " + owner.address() + ": " + f.cause()));
          return;
        }
        Channel channel = ((io.netty.channel.ChannelFuture) f).channel();
        ClientConnection connection = new ClientConnection(channel, handler, owner.operator(), owner);
        connection.run(new HandshakeExchange(settings.handshakeTimeout(), settings.domain().chainId(),
            owner.operator(), requester)).whenComplete((r, e) -> result.complete(e != null
                ? new Failure.Unreachable("handshake failed: " + e) : r));
      });
    } catch (RuntimeException e) {
      result.complete(new Failure.Unreachable("cannot connect: " + e));
    }
    return result;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    blocking.shutdownNow();
  }
}
