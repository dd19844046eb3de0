package org.shardledger.client.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before anything is written, that a directory's file system has room for what will be written. */
public final class DiskSpace {
  /** Room left over beyond the estimate: file-system metadata, the manifest, temporary files. */
  static final long MARGIN = 1L << 20;

  private DiskSpace() {}

  /** Throws {@link NotEnoughSpaceException} when {@code dir} cannot take {@code bytes} more. */
  public static void require(Path dir, long bytes) throws IOException {
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IOException("no existing directory above " + dir);
    }
    long usable = Files.getFileStore(existing).getUsableSpace();
    if (usable < bytes + MARGIN) {
      throw new NotEnoughSpaceException(dir, bytes + MARGIN, usable);
    }
  }
}
