package org.shardledger.node.roles;

import java.io.IOException;

/**
 * The start and stop every chain-following role shares (the verifier's and the ledger's): start the chain
 * follower, then the role's node; if either fails, close what was started and what the factory opened, then
 * rethrow. Closing stops the node, then what the factory opened (newest first), once.
 */
public final class RoleLifecycle implements AutoCloseable {
  /** A start or stop step that may fail with I/O. */
  @FunctionalInterface
  public interface Step {
    void run() throws IOException;
  }

  private final RoleResources opened;
  private final Step startFollower;
  private final Step startNode;
  private final Runnable stopNode;
  private boolean closed;

  public RoleLifecycle(RoleResources opened, Step startFollower, Step startNode, Runnable stopNode) {
    this.opened = opened;
    this.startFollower = startFollower;
    this.startNode = startNode;
    this.stopNode = stopNode;
  }

  public synchronized void start() throws IOException {
    try {
      startFollower.run();
      startNode.run();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stopNode.run();
    } finally {
      opened.close();
    }
  }
}
