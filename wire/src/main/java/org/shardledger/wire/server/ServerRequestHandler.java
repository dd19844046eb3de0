package org.shardledger.wire.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import org.shardledger.wire.handshake.RequesterStatement;
import org.shardledger.wire.message.DataFrame;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.MessageType;
import org.shardledger.wire.message.WireMessage;
import org.shardledger.wire.server.OperatorBackend.Acceptance;
import org.shardledger.wire.server.OperatorBackend.Chunks;
import org.shardledger.wire.server.OperatorBackend.Ready;
import org.shardledger.wire.server.OperatorBackend.Refusal;
import org.shardledger.wire.server.OperatorBackend.SignedNoData;
import org.shardledger.wire.server.OperatorBackend.SignedProof;
import org.shardledger.wire.server.OperatorBackend.UploadVerdict;

/**
 * Serves one connection after the handshake: one request at a time (another one meanwhile is answered BUSY).
 * Backend calls run on the work executor; their answers are written back on the event loop.
 */
final class ServerRequestHandler extends ChannelInboundHandlerAdapter {
  private static final int IDLE = -1;

  private final ServerContext server;
  private long busyWith = IDLE;
  private UploadReceiver upload;

  ServerRequestHandler(ServerContext server) {
    this.server = server;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof WireMessage m) {
        dispatch(ctx, m);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void dispatch(ChannelHandlerContext ctx, WireMessage msg) {
    if (upload != null && msg.requestId() == upload.requestId()) {
      if (msg instanceof DataFrame data && data.type() == MessageType.UPLOAD_CHUNK) {
        if (!upload.accept(data.content().retain())) {
          abortUpload();
          Replies.error(ctx, msg.requestId(), ErrorCode.UPLOAD_OVERFLOW, "more bytes than announced");
        }
        return;
      }
      if (msg instanceof WireMessage.UploadEnd) {
        finishUpload(ctx);
        return;
      }
    }
    switch (msg) {
      case WireMessage.ChallengeRequest c -> {
        if (begin(ctx, c)) {
          challenge(ctx, c);
        }
      }
      case WireMessage.Identify i -> {
        if (begin(ctx, i)) {
          identify(ctx, i);
        }
      }
      case WireMessage.Retrieve r -> {
        if (begin(ctx, r)) {
          retrieve(ctx, r);
        }
      }
      case WireMessage.UploadStart u -> {
        if (begin(ctx, u)) {
          startUpload(ctx, u);
        }
      }
      case WireMessage.TermsRequest t -> {
        if (begin(ctx, t)) {
          offload(ctx, t.requestId(), () -> server.backend().terms(), signed -> {
            done();
            ctx.writeAndFlush(new WireMessage.TermsAnswer(t.requestId(), signed.terms(), signed.signature()));
          });
        }
      }
      default -> {
        abortUpload();
        Replies.error(ctx, msg.requestId(), ErrorCode.UNEXPECTED_MESSAGE, msg.type() + " is not expected here");
      }
    }
  }

  /** Marks the connection busy with {@code request}, or answers BUSY. */
  private boolean begin(ChannelHandlerContext ctx, WireMessage request) {
    if (busyWith != IDLE) {
      Replies.error(ctx, request.requestId(), ErrorCode.BUSY, "request " + busyWith + " is still in progress");
      return false;
    }
    busyWith = request.requestId();
    return true;
  }

  private void done() {
    busyWith = IDLE;
  }

  /** {@link Replies#offload} for a request that ends (the connection idle again) when the call fails. */
  private <T> void offload(ChannelHandlerContext ctx, int requestId, java.util.function.Supplier<T> call,
      java.util.function.Consumer<T> onLoop) {
    Replies.offload(ctx, server.work(), requestId, call, onLoop, this::done);
  }

  private void challenge(ChannelHandlerContext ctx, WireMessage.ChallengeRequest c) {
    offload(ctx, c.requestId(), () -> server.backend().answerChallenge(c.dealId(), c.epoch()),
        answer -> {
          done();
          switch (answer) {
            case SignedProof p -> ctx.writeAndFlush(new WireMessage.ProofAnswer(c.requestId(), c.dealId(), c.epoch(),
                p.signature(), p.encodedProof()));
            case SignedNoData n -> ctx.writeAndFlush(new WireMessage.NoDataAnswer(c.requestId(), c.dealId(),
                c.epoch(), n.signature()));
            case Refusal r -> Replies.error(ctx, c.requestId(), r.code(), r.message());
          }
        });
  }

  /** Checks the requester's signature over this connection's nonces; from then on requests come from it. */
  private void identify(ChannelHandlerContext ctx, WireMessage.Identify i) {
    PeerSession session = PeerSession.of(ctx.channel());
    RequesterStatement statement = new RequesterStatement(server.chainId(), session.version(), session.clientNonce(),
        session.serverNonce(), server.operatorKey().address(), i.requester());
    offload(ctx, i.requestId(), () -> statement.isSignedByRequester(i.signature()), valid -> {
      done();
      if (!valid) {
        Replies.error(ctx, i.requestId(), ErrorCode.IDENTIFY_FAILED, "the signature does not recover to "
            + i.requester());
        return;
      }
      session.identified(i.requester());
      ctx.writeAndFlush(new WireMessage.IdentifyOk(i.requestId(), i.requester()));
    });
  }

  private void retrieve(ChannelHandlerContext ctx, WireMessage.Retrieve r) {
    var requester = PeerSession.of(ctx.channel()).requester();
    offload(ctx, r.requestId(),
        () -> server.backend().openRetrieval(r.dealId(), r.firstChunk(), requester, r.expiresAt(), r.ticket()),
        admission -> {
          switch (admission) {
            case Chunks chunks -> new RetrievalStreamer(ctx, r.requestId(), chunks, server.settings().retrieveChunk(),
                this::done).start();
            case Refusal refusal -> {
              done();
              Replies.error(ctx, r.requestId(), refusal.code(), refusal.message());
            }
          }
        });
  }

  private void startUpload(ChannelHandlerContext ctx, WireMessage.UploadStart u) {
    if (!server.uploadPermits().tryAcquire()) {
      done();
      Replies.error(ctx, u.requestId(), ErrorCode.OVERLOADED, server.settings().maxConcurrentUploads()
          + " uploads are in progress; try again later");
      return;
    }
    InetAddress peer = PeerLimitHandler.peerOf(ctx);
    String refusal = server.peers().startUpload(peer, u.size());
    if (refusal != null) {
      server.uploadPermits().release();
      done();
      Replies.error(ctx, u.requestId(), ErrorCode.OVERLOADED, refusal + "; try again later");
      return;
    }
    Runnable release = () -> {
      server.peers().endUpload(peer, u.size());
      server.uploadPermits().release();
    };
    Replies.offload(ctx, server.work(), u.requestId(), () -> server.backend().beginUpload(u.dealId(), u.size()),
        admission -> {
          if (admission instanceof Ready ready && ctx.channel().isActive()) {
            upload = new UploadReceiver(ctx, server, u.requestId(), u.dealId(), u.size(), ready.sink(), release);
            ctx.writeAndFlush(new WireMessage.UploadReady(u.requestId()));
            upload.watchRate(() -> {
              abortUpload();
              done();
            });
            return;
          }
          release.run();
          done();
          switch (admission) {
            case Ready ready -> ready.sink().abort();
            case Acceptance a -> ctx.writeAndFlush(new WireMessage.UploadAccepted(u.requestId(), u.dealId(), a.root(),
                a.size(), a.signature()));
            case Refusal r -> Replies.error(ctx, u.requestId(), r.code(), r.message());
          }
        }, () -> {
          release.run();
          done();
        });
  }

  private void finishUpload(ChannelHandlerContext ctx) {
    UploadReceiver finishing = upload;
    upload = null;
    finishing.finish().whenComplete((verdict, failure) -> ctx.executor().execute(() -> {
      done();
      if (failure != null) {
        Replies.error(ctx, finishing.requestId(), ErrorCode.INTERNAL, "could not store the shard: "
            + Replies.rootCause(failure));
        return;
      }
      answer(ctx, finishing, verdict);
    }));
  }

  private static void answer(ChannelHandlerContext ctx, UploadReceiver finished, UploadVerdict verdict) {
    switch (verdict) {
      case Acceptance a -> ctx.writeAndFlush(new WireMessage.UploadAccepted(finished.requestId(), finished.dealId(),
          a.root(), a.size(), a.signature()));
      case Refusal r -> Replies.error(ctx, finished.requestId(), r.code(), r.message());
    }
  }

  private void abortUpload() {
    if (upload != null) {
      upload.abort();
      upload = null;
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      boolean oursToWait = busyWith != IDLE && (upload == null || upload.isHoldingBack());
      if (!oursToWait) {
        abortUpload();
        Replies.error(ctx, busyWith == IDLE ? 0 : (int) busyWith, ErrorCode.TIMEOUT, "connection idle for "
            + server.settings().idleTimeout());
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    abortUpload();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    abortUpload();
    ctx.fireExceptionCaught(cause);
  }
}
