package org.shardledger.contracts.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;

/** A cursor in a small file ("block hash"), replaced atomically on every save. */
public final class FileCursorStore implements CursorStore {
  private final Path file;

  public FileCursorStore(Path file) {
    this.file = file;
  }

  @Override
  public Optional<FollowerCursor> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String[] parts = Files.readString(file).trim().split("\\s+");
    if (parts.length != 2) {
      throw new IOException("follower cursor file " + file + " is malformed");
    }
    return Optional.of(new FollowerCursor(Long.parseLong(parts[0]), Bytes32.fromHex(parts[1])));
  }

  @Override
  public void save(FollowerCursor cursor) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, cursor.block() + " " + cursor.hash().toHex() + "\n");
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
