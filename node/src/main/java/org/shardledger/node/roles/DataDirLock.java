package org.shardledger.node.roles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a role's data directory ({@code DIR/lock}), taken by every role before it opens anything
 * there: two processes on one directory would write one H2 database, serve the same shards and sign transactions
 * with the same nonces. Released when closed, or by the OS when the process dies (kill -9 included).
 */
public final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;

  private DataDirLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Locks {@code dataDir} (created if missing), or refuses with the path of the lock a live process holds. */
  public static DataDirLock acquire(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    FileChannel channel = FileChannel.open(dataDir.resolve("lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(dataDir + " is in use by another running process (it holds " + dataDir.resolve("lock")
          + "); stop it first or give this one its own data directory");
    }
    return new DataDirLock(channel);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
