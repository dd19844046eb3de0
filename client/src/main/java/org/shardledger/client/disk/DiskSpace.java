package org.shardledger.client.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much room a directory's file system has: checked before anything is written, so a full disk fails at once
 * and leaves nothing behind. {@link #OF_FILE_STORE} asks the file system; tests give a fixed figure.
 */
@FunctionalInterface
public interface DiskSpace {
  /** Room left over beyond the estimate: file-system metadata, the manifest, temporary files. */
  long MARGIN = 1L << 20;

  DiskSpace OF_FILE_STORE = dir -> {
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IOException("no existing directory above " + dir);
    }
    return Files.getFileStore(existing).getUsableSpace();
  };

  /** Bytes that can still be written under {@code dir}. */
  long usable(Path dir) throws IOException;

  /** Throws {@link NotEnoughSpaceException} when {@code dir} cannot take {@code bytes} more. */
  default void require(Path dir, long bytes) throws IOException {
    long usable = usable(dir);
    if (usable < bytes + MARGIN) {
      throw new NotEnoughSpaceException(dir, bytes + MARGIN, usable);
    }
  }
}
