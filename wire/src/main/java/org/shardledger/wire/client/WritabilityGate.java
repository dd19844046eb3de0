package org.shardledger.wire.client;

/** Lets a sending thread wait until the channel can take more (backpressure from the socket) or is gone. */
final class WritabilityGate {
  private boolean writable = true;
  private boolean closed;

  synchronized void set(boolean writable) {
    this.writable = writable;
    notifyAll();
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** Waits until writable; false when the channel closed. */
  synchronized boolean awaitWritable() throws InterruptedException {
    while (!writable && !closed) {
      wait(100);
    }
    return !closed;
  }
}
