package org.shardledger.client.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.shardledger.runtime.Writeback;

/**
 * A file written atomically: bytes go to a temporary file beside the target; {@link #commit} forces it to disk,
 * renames it over the target and forces the directory, so the target is either absent (or its old self) or whole.
 * Closing an uncommitted file deletes the temporary file. The bytes are forced in the background as they are
 * written ({@link Writeback}), so {@link #commit} waits only for the tail; a background force that failed fails it.
 */
public final class PendingFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final Writeback writeback;
  private boolean committed;

  private PendingFile(Path target, Path temp, FileChannel channel, long writebackEvery) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.writeback = new Writeback(channel, writebackEvery, temp.getFileName().toString());
  }

  public static PendingFile create(Path target) throws IOException {
    return create(target, Writeback.DEFAULT_EVERY);
  }

  /** With background forces every {@code writebackEvery} bytes (tests use a small one). */
  static PendingFile create(Path target, long writebackEvery) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(absolute.toString(), null,
          "cannot write it: the directory " + dir + " does not exist");
    }
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    try {
      return new PendingFile(absolute, temp, FileChannel.open(temp, StandardOpenOption.WRITE), writebackEvery);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  public Path target() {
    return target;
  }

  public void write(byte[] data, int offset, int len) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(data, offset, len);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    writeback.written(len);
  }

  /** Forces the bytes to disk and moves the file into place. */
  public void commit() throws IOException {
    writeback.await();
    channel.force(true);
    channel.close();
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    committed = true;
    forceDirectory(target.getParent());
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      channel.close();
      Files.deleteIfExists(temp);
    }
  }

  /** Makes a rename in {@code dir} durable (Linux lets a directory be opened and forced; elsewhere best effort). */
  static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can force a directory; the file itself is already on disk.
    }
  }
}
