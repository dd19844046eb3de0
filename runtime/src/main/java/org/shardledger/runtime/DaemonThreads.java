package org.shardledger.runtime;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread factory of every role's pools: daemon threads (a stuck worker never keeps the JVM alive after
 * the role closed) with a name that says whose they are.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Every thread named {@code name}. */
  public static ThreadFactory named(String name) {
    return runnable -> daemon(runnable, name);
  }

  /** Threads named {@code prefix-1}, {@code prefix-2}, … in the order they are made. */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> daemon(runnable, prefix + "-" + n.incrementAndGet());
  }

  /** A daemon thread named {@code name}, not started. */
  public static Thread daemon(Runnable runnable, String name) {
    Thread t = new Thread(runnable, name);
    t.setDaemon(true);
    return t;
  }
}
