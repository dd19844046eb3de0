package org.shardledger.client.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.shardledger.client.layout.PendingFile;

/** A manifest on disk: its canonical JSON and a newline, written atomically. */
public final class ManifestFile {
  /** Far above any real manifest (about 300 bytes per shard); guards against reading a wrong, huge file. */
  static final long MAX_SIZE = 64L << 20;

  private ManifestFile() {}

  public static void write(Path path, Manifest m) throws IOException {
    byte[] bytes = (ManifestCodec.toJson(m) + "\n").getBytes(StandardCharsets.UTF_8);
    try (PendingFile file = PendingFile.create(path)) {
      file.write(bytes, 0, bytes.length);
      file.commit();
    }
  }

  public static String read(Path path) throws IOException {
    try {
      if (Files.size(path) > MAX_SIZE) {
        throw new IOException("manifest " + path + " is larger than " + MAX_SIZE + " bytes: not a manifest");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("manifest " + path + " does not exist", e);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IOException("manifest " + path + " is not UTF-8 text", e);
    }
  }
}
