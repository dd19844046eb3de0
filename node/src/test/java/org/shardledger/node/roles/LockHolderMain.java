package org.shardledger.node.roles;

import java.nio.file.Path;

/** Child JVM for {@link DataDirLockTest}: locks the data directory given as its argument, says so, and waits. */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
      System.out.println("LOCKED");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
