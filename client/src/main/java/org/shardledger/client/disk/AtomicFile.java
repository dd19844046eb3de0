package org.shardledger.client.disk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file that appears whole or not at all: written to a temporary file beside the target, forced to disk, then
 * renamed over the target in one step. {@link #abort()} (or closing without {@link #commit()}) removes the
 * temporary file.
 */
public final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream out;
  private boolean done;

  private AtomicFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".part");
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    this.out = Channels.newOutputStream(channel);
  }

  public static AtomicFile create(Path target) throws IOException {
    return new AtomicFile(target);
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    try (AtomicFile file = create(target)) {
      file.stream().write(bytes);
      file.commit();
    }
  }

  /** Where to write; do not close it, {@link #commit()} does. */
  public OutputStream stream() {
    return out;
  }

  public void commit() throws IOException {
    out.flush();
    channel.force(true);
    channel.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    done = true;
  }

  public void abort() throws IOException {
    if (!done) {
      done = true;
      channel.close();
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void close() throws IOException {
    abort();
  }
}
