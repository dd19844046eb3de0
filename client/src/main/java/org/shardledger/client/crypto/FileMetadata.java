package org.shardledger.client.crypto;

import java.util.Objects;

/** What the manifest keeps sealed: the file's name and plaintext length. */
public record FileMetadata(String name, long length) {
  public FileMetadata {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("a file name is one non-empty path element, got \"" + name + "\"");
    }
    if (length < 0) {
      throw new IllegalArgumentException("file length must be non-negative: " + length);
    }
  }
}
