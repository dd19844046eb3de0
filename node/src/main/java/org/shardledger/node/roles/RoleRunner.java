package org.shardledger.node.roles;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a started role running until SIGTERM/Ctrl-C, then closes it cleanly. */
public final class RoleRunner {
  private static final Logger LOG = LoggerFactory.getLogger(RoleRunner.class);

  private RoleRunner() {}

  /** Blocks until the JVM is asked to stop; {@code role} is closed by the shutdown hook. */
  public static void runUntilStopped(String name, AutoCloseable role) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      LOG.info("stopping the {}", name);
      try {
        role.close();
      } catch (Exception e) {
        LOG.warn("while stopping the {}: {}", name, e.toString());
      }
      stopped.countDown();
    }, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }
}
