package org.shardledger.client.disk;

import java.io.IOException;
import java.nio.file.Path;

/** The disk is too full for the job; nothing was written. */
public final class NotEnoughSpaceException extends IOException {
  public NotEnoughSpaceException(Path dir, long needed, long usable) {
    super(String.format("not enough disk space in %s: needs %,d bytes, %,d free; nothing was written", dir, needed,
        usable));
  }
}
