package org.shardledger.client.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe between two threads (the encrypting and the coding one): chunks of at most {@code chunkSize}
 * bytes, at most {@code depth} in flight, so memory stays bounded whatever flows through. A failure on the writing
 * side reaches the reader as an {@link IOException} with the cause; a reader that stops makes the writer fail
 * instead of blocking forever.
 */
final class ChunkPipe {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<Object> queue;
  /** Chunks the reader is done with, for the writer to fill again: the pipe allocates only depth + 2 of them. */
  private final BlockingQueue<byte[]> free;
  private final int chunkSize;
  private volatile boolean readerGone;

  ChunkPipe(int chunkSize, int depth) {
    this.chunkSize = chunkSize;
    this.queue = new ArrayBlockingQueue<>(depth);
    this.free = new ArrayBlockingQueue<>(depth + 2);
  }

  private byte[] emptyChunk() {
    byte[] chunk = free.poll();
    return chunk != null ? chunk : new byte[chunkSize];
  }

  /** Writes everything into the sink it is given (which is closed after it). */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream sink) throws IOException;
  }

  /** Reads the source it is given to the end. */
  @FunctionalInterface
  interface Reader {
    void read(InputStream source) throws IOException;
  }

  /**
   * Runs {@code writer} on a thread of its own and {@code reader} on this one, joined by a pipe. When both fail,
   * the one that failed first is thrown, not the other's echo of it: a writer's failure reaches the reader as a
   * failed read, a reader's as the writer finding nobody reading.
   */
  static void connect(String threadName, int chunkSize, int depth, Writer writer, Reader reader) throws IOException {
    ChunkPipe pipe = new ChunkPipe(chunkSize, depth);
    Throwable[] failure = new Throwable[1];
    Thread thread = Thread.ofPlatform().name(threadName).daemon().start(() -> {
      try (OutputStream sink = pipe.sink()) {
        writer.write(sink);
      } catch (Throwable t) {
        failure[0] = t;
        pipe.fail(t);
      }
    });
    IOException readerFailure = null;
    try (InputStream source = pipe.source()) {
      reader.read(source);
    } catch (IOException e) {
      readerFailure = e;
    } finally {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + threadName);
      }
    }
    if (failure[0] instanceof ReaderGoneException && readerFailure != null) {
      throw readerFailure;
    }
    switch (failure[0]) {
      case null -> { }
      case IOException e -> throw e;
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IOException(failure[0]);
    }
    if (readerFailure != null) {
      throw readerFailure;
    }
  }

  private record Failure(Throwable cause) {}

  /** The writer's failure when the reader stopped first: only an echo of whatever stopped the reader. */
  private static final class ReaderGoneException extends IOException {
    ReaderGoneException() {
      super("the reading side of the pipe stopped before the end");
    }
  }

  private void put(Object item) throws IOException {
    try {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        if (readerGone) {
          throw new ReaderGoneException();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing to the pipe");
    }
  }

  /** Tells the reader the writing side failed with {@code cause}. */
  void fail(Throwable cause) {
    try {
      put(new Failure(cause));
    } catch (IOException ignored) {
      // the reader is gone: nobody to tell
    }
  }

  OutputStream sink() {
    return new OutputStream() {
      private byte[] chunk = emptyChunk();
      private int filled;
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
          int n = Math.min(len, chunkSize - filled);
          System.arraycopy(b, off, chunk, filled, n);
          filled += n;
          off += n;
          len -= n;
          if (filled == chunkSize) {
            put(chunk);
            chunk = emptyChunk();
            filled = 0;
          }
        }
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          if (filled > 0) {
            put(Arrays.copyOf(chunk, filled));
          }
          put(END);
        }
      }
    };
  }

  InputStream source() {
    return new InputStream() {
      private byte[] chunk;
      private int pos;
      private boolean ended;

      private boolean fill() throws IOException {
        while (!ended && (chunk == null || pos == chunk.length)) {
          Object item;
          try {
            item = queue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading from the pipe");
          }
          if (chunk != null && chunk.length == chunkSize) {
            free.offer(chunk);
          }
          if (item instanceof Failure f) {
            ended = true;
            throw new IOException(f.cause().getMessage(), f.cause());
          }
          chunk = (byte[]) item;
          pos = 0;
          ended = chunk == END;
        }
        return !ended;
      }

      @Override
      public int read() throws IOException {
        return fill() ? chunk[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (!fill()) {
          return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
      }

      @Override
      public void close() {
        readerGone = true;
        queue.clear();
      }
    };
  }
}
