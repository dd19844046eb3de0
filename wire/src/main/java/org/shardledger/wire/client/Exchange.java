package org.shardledger.wire.client;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.shardledger.wire.message.WireMessage;

/**
 * One request and its answer on one connection. Runs on the connection's event loop (so ending it needs no lock).
 * The timeout counts from the last progress (a frame sent or received), so long transfers never time out while
 * they move.
 *
 * @param <R> the result type; every {@link Failure} must be one (the result interfaces all permit it)
 */
abstract class Exchange<R> {
  final CompletableFuture<R> result = new CompletableFuture<>();
  private final Duration timeout;
  protected ClientConnection connection;
  protected int requestId;
  private volatile long lastProgress;
  private ScheduledFuture<?> timer;

  Exchange(Duration timeout) {
    this.timeout = timeout;
  }

  final void begin(ClientConnection connection, int requestId) {
    this.connection = connection;
    this.requestId = requestId;
    touch();
    arm(timeout.toNanos());
    send();
  }

  /** Sends the request. */
  abstract void send();

  /** A message for this exchange arrived; data frames are released by the caller. */
  abstract void onMessage(WireMessage message);

  /** Called once when the exchange ends, however it ends. */
  void cleanUp() {}

  final void touch() {
    lastProgress = System.nanoTime();
  }

  private void arm(long nanos) {
    timer = connection.channel().eventLoop().schedule(this::checkTimeout, nanos, TimeUnit.NANOSECONDS);
  }

  private void checkTimeout() {
    long idle = System.nanoTime() - lastProgress;
    if (idle < timeout.toNanos()) {
      arm(timeout.toNanos() - idle);
    } else {
      fail(new Failure.TimedOut(timeout));
    }
  }

  final void succeed(R value, boolean reusable) {
    finish(value, reusable);
  }

  /** Ends with a failure; the connection is reused only after a non-closing ERROR. */
  @SuppressWarnings("unchecked")
  final void fail(Failure failure) {
    boolean reusable = failure instanceof Failure.Rejected r && !r.code().closesConnection();
    finish((R) failure, reusable);
  }

  final void failWith(Throwable error) {
    if (!result.isDone()) {
      end(false);
      result.completeExceptionally(error);
    }
  }

  final void garbled(String reason) {
    fail(new Failure.Garbled(reason));
  }

  final boolean isDone() {
    return result.isDone();
  }

  /** The connection is released before the result is published, so a caller's next request can reuse it. */
  private void finish(R value, boolean reusable) {
    if (!result.isDone()) {
      end(reusable);
      result.complete(value);
    }
  }

  private void end(boolean reusable) {
    if (timer != null) {
      timer.cancel(false);
    }
    cleanUp();
    connection.exchangeEnded(this, reusable);
  }
}
