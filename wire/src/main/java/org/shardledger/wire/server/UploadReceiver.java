package org.shardledger.wire.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.shardledger.wire.internal.PacedDrain;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.server.OperatorBackend.Refusal;
import org.shardledger.wire.server.OperatorBackend.UploadSink;
import org.shardledger.wire.server.OperatorBackend.UploadVerdict;

/**
 * One admitted upload on one connection: counts the bytes, hands them to the sink off the event loop with
 * backpressure, finishes or aborts it exactly once, and gives the upload permit back.
 */
final class UploadReceiver {
  private final int requestId;
  private final long dealId;
  private final long size;
  private final UploadSink sink;
  private final PacedDrain drain;
  private final Runnable releasePermit;
  private final ChannelHandlerContext ctx;
  private final PeerLimits limits;
  private long received;
  private long receivedAtLastCheck;
  private boolean ended;
  private ScheduledFuture<?> rateCheck;

  UploadReceiver(ChannelHandlerContext ctx, ServerContext server, int requestId, long dealId, long size,
      UploadSink sink, Runnable releasePermit) {
    this.requestId = requestId;
    this.dealId = dealId;
    this.size = size;
    this.sink = sink;
    this.releasePermit = releasePermit;
    this.ctx = ctx;
    this.limits = server.settings().limits();
    this.drain = new PacedDrain(ctx.channel(), server.work(), server.settings().uploadBuffer(), failure -> {
      abort();
      Replies.errorAndClose(ctx, requestId, ErrorCode.INTERNAL, "could not store the upload: "
          + Replies.rootCause(failure));
    });
  }

  int requestId() {
    return requestId;
  }

  long dealId() {
    return dealId;
  }

  /** Takes ownership of {@code data}; false (and the data dropped) when it goes past the announced size. */
  boolean accept(ByteBuf data) {
    received += data.readableBytes();
    if (received > size) {
      data.release();
      return false;
    }
    drain.submit(data, sink::write);
    return true;
  }

  /**
   * Enforces the rate floor ({@link PeerLimits#minUploadBytesPerSecond}) on the event loop: a window in which the
   * peer sent less, while the server was not holding back itself, drops the upload and closes with TIMEOUT.
   */
  void watchRate(Runnable onDropped) {
    long windowMillis = limits.rateWindow().toMillis();
    long floor = limits.minUploadBytesPerSecond() * windowMillis / 1000;
    if (floor <= 0) {
      return;
    }
    rateCheck = ctx.executor().scheduleAtFixedRate(() -> {
      long got = received - receivedAtLastCheck;
      receivedAtLastCheck = received;
      if (ended) {
        stopWatching();
      } else if (got < floor && !isHoldingBack()) {
        onDropped.run();
        Replies.errorAndClose(ctx, requestId, ErrorCode.TIMEOUT, "upload slower than "
            + limits.minUploadBytesPerSecond() + " bytes/s: " + got + " bytes in " + limits.rateWindow());
      }
    }, windowMillis, windowMillis, TimeUnit.MILLISECONDS);
  }

  private void stopWatching() {
    if (rateCheck != null) {
      rateCheck.cancel(false);
      rateCheck = null;
    }
  }

  /** UPLOAD_END: the sink's verdict once every byte is written, or a refusal when bytes are missing. */
  CompletableFuture<UploadVerdict> finish() {
    ended = true;
    stopWatching();
    if (received != size) {
      drain.then(() -> {
        sink.abort();
        return null;
      }).whenComplete((r, e) -> releasePermit.run());
      return CompletableFuture.completedFuture(new Refusal(ErrorCode.UPLOAD_INCOMPLETE, "received " + received
          + " of " + size + " bytes"));
    }
    CompletableFuture<UploadVerdict> verdict = drain.then(sink::finish);
    verdict.whenComplete((v, e) -> {
      if (e != null) {
        sink.abort();
      }
      releasePermit.run();
    });
    return verdict;
  }

  /** The connection ended or broke the protocol before UPLOAD_END. Idempotent. */
  void abort() {
    if (ended) {
      return;
    }
    ended = true;
    stopWatching();
    drain.then(() -> {
      sink.abort();
      return null;
    }).whenComplete((r, e) -> {
      if (e != null) {
        sink.abort();
      }
      releasePermit.run();
    });
  }

  /** Whether reading is held back for the disk (then silence on the connection is ours, not the peer's). */
  boolean isHoldingBack() {
    return drain.isPaused();
  }
}
