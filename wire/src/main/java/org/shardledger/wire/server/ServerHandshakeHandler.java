package org.shardledger.wire.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.wire.handshake.HelloStatement;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.WireFormat;
import org.shardledger.wire.message.WireMessage;

/**
 * Waits for HELLO, answers HELLO_OK signed with the operator's key, then leaves the pipeline. Anything else first,
 * a wrong chain or no common version ends the connection; so does silence past the handshake timeout. Requests
 * that arrive while the answer is being signed are passed on after it.
 */
final class ServerHandshakeHandler extends ChannelInboundHandlerAdapter {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServerContext server;
  private ScheduledFuture<?> deadline;
  private boolean helloSeen;
  private final List<Object> early = new ArrayList<>();

  ServerHandshakeHandler(ServerContext server) {
    this.server = server;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    deadline = ctx.executor().schedule(() -> {
      Replies.error(ctx, 0, ErrorCode.TIMEOUT, "no HELLO within " + server.settings().handshakeTimeout());
    }, server.settings().handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelDeadline();
    early.forEach(ReferenceCountUtil::release);
    early.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (helloSeen) {
      early.add(msg);
      return;
    }
    try {
      if (!(msg instanceof WireMessage.Hello hello)) {
        int requestId = msg instanceof WireMessage m ? m.requestId() : 0;
        Replies.error(ctx, requestId, ErrorCode.HANDSHAKE_REQUIRED, "the first message must be HELLO");
        return;
      }
      onHello(ctx, hello);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHello(ChannelHandlerContext ctx, WireMessage.Hello hello) {
    helloSeen = true;
    if (hello.minVersion() > WireFormat.VERSION || hello.maxVersion() < WireFormat.VERSION) {
      Replies.error(ctx, hello.requestId(), ErrorCode.UNSUPPORTED_VERSION, "this operator speaks version "
          + WireFormat.VERSION + ", the client " + hello.minVersion() + ".." + hello.maxVersion());
      return;
    }
    if (hello.chainId() != server.chainId()) {
      Replies.error(ctx, hello.requestId(), ErrorCode.WRONG_CHAIN, "this operator is on chain " + server.chainId()
          + ", not " + hello.chainId());
      return;
    }
    byte[] nonce = new byte[Bytes32.SIZE];
    RANDOM.nextBytes(nonce);
    HelloStatement statement = new HelloStatement(server.chainId(), WireFormat.VERSION, hello.clientNonce(),
        Bytes32.of(nonce), server.operatorKey().address());
    ctx.channel().config().setAutoRead(false);
    Replies.offload(ctx, server.work(), hello.requestId(), () -> statement.sign(server.operatorKey()), signature -> {
      cancelDeadline();
      PeerSession.attach(ctx.channel(), new PeerSession(statement.version(), statement.clientNonce(),
          statement.serverNonce()));
      ctx.writeAndFlush(new WireMessage.HelloOk(hello.requestId(), statement.version(), statement.chainId(),
          statement.operator(), statement.serverNonce(), signature));
      ctx.pipeline().remove(this);
      early.forEach(ctx::fireChannelRead);
      early.clear();
      ctx.channel().config().setAutoRead(true);
    }, () -> { }); // the handshake deadline closes a connection whose HELLO could not be answered
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
    }
  }
}
