package org.shardledger.client.file;

import java.io.IOException;
import java.nio.file.Path;

/** The input changed while it was being encoded; what was written is removed. */
public final class FileChangedException extends IOException {
  FileChangedException(Path file, String how) {
    super(file + " changed while it was being encoded (" + how + "); nothing was kept, encode it again once it "
        + "stays still");
  }
}
