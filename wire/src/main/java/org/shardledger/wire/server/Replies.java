package org.shardledger.wire.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.message.WireMessage;

/** Error answers and the hop from the work executor back to the event loop. */
final class Replies {
  private Replies() {}

  /** Sends an ERROR frame; for codes that end the stream, stops reading and closes once it is written. */
  static void error(ChannelHandlerContext ctx, int requestId, ErrorCode code, String message) {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (code.closesConnection()) {
      errorAndClose(ctx, requestId, code, message);
    } else {
      ctx.writeAndFlush(new WireMessage.Error(requestId, code, message));
    }
  }

  /** Sends an ERROR frame, stops reading, and closes once it is written, whatever the code. */
  static void errorAndClose(ChannelHandlerContext ctx, int requestId, ErrorCode code, String message) {
    ctx.channel().config().setAutoRead(false);
    ctx.writeAndFlush(new WireMessage.Error(requestId, code, message)).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * Runs {@code call} on {@code work}, then {@code onLoop} with its result on the channel's event loop. When the
   * call fails (or cannot start), {@code onFailure} runs on the event loop before the INTERNAL answer, so the
   * request ends either way.
   */
  static <T> void offload(ChannelHandlerContext ctx, Executor work, int requestId, Supplier<T> call,
      Consumer<T> onLoop, Runnable onFailure) {
    CompletableFuture<T> future;
    try {
      future = CompletableFuture.supplyAsync(call, work);
    } catch (RuntimeException e) {
      onFailure.run();
      error(ctx, requestId, ErrorCode.INTERNAL, "the node is shutting down");
      return;
    }
    future.whenComplete((result, failure) -> ctx.executor().execute(() -> {
      if (failure != null) {
        onFailure.run();
        error(ctx, requestId, ErrorCode.INTERNAL, "internal error: " + rootCause(failure));
      } else {
        onLoop.accept(result);
      }
    }));
  }

  static String rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
