package org.shardledger.wire.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands received data to a blocking consumer (a file, a stream) on a serial executor, off the event loop, and stops
 * reading from the channel while more than {@code highWater} bytes wait: the peer's TCP window then closes and it
 * slows down to what the disk can take. The first failure is reported once, on the event loop, to
 * {@code onFailure}; later data is dropped.
 */
public final class PacedDrain {
  /** Takes the bytes of one buffer; may block. */
  @FunctionalInterface
  public interface Sink {
    void accept(ByteBuffer data) throws IOException;
  }

  private final Channel channel;
  private final Executor serial;
  private final long highWater;
  private final long lowWater;
  private final AtomicLong pending = new AtomicLong();
  private final Consumer<Throwable> onFailure;
  private volatile boolean paused;
  private volatile Throwable failure;

  public PacedDrain(Channel channel, Executor work, long highWater, Consumer<Throwable> onFailure) {
    this.channel = channel;
    this.onFailure = onFailure;
    this.serial = new SerialExecutor(work);
    this.highWater = highWater;
    this.lowWater = highWater / 2;
  }

  /** Called on the event loop; takes ownership of {@code data}. */
  public void submit(ByteBuf data, Sink consumer) {
    int n = data.readableBytes();
    if (pending.addAndGet(n) > highWater && !paused) {
      paused = true;
      channel.config().setAutoRead(false);
    }
    serial.execute(() -> {
      try {
        if (failure == null) {
          for (ByteBuffer b : data.nioBuffers()) {
            consumer.accept(b);
          }
        }
      } catch (IOException | RuntimeException e) {
        failure = e;
        channel.eventLoop().execute(() -> onFailure.accept(e));
      } finally {
        data.release();
        if (pending.addAndGet(-n) <= lowWater && paused) {
          channel.eventLoop().execute(this::resume);
        }
      }
    });
  }

  private void resume() {
    if (paused && pending.get() <= lowWater) {
      paused = false;
      channel.config().setAutoRead(true);
      channel.read();
    }
  }

  /** Whether reading is paused because the consumer is behind (an idle channel is then not the peer's fault). */
  public boolean isPaused() {
    return paused;
  }

  /** Runs {@code last} after everything submitted so far, on the serial executor. */
  public <T> CompletableFuture<T> then(IoCallable<T> last) {
    CompletableFuture<T> result = new CompletableFuture<>();
    serial.execute(() -> {
      try {
        if (failure != null) {
          throw failure;
        }
        result.complete(last.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /** A task that may do I/O. */
  @FunctionalInterface
  public interface IoCallable<T> {
    T call() throws IOException;
  }
}
