package org.shardledger.node.prover;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a node's data directory ({@code DIR/lock}): two nodes on one directory would serve the same
 * shards and sign transactions with the same nonces. Released when closed, or by the OS when the process dies.
 */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;

  private DataDirLock(FileChannel channel) {
    this.channel = channel;
  }

  static DataDirLock acquire(Path dataDir) throws IOException {
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
      throw new IOException(dataDir + " is in use by another node (it holds " + dataDir.resolve("lock") + ")");
    }
    return new DataDirLock(channel);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
