package org.shardledger.client.file;

import java.nio.file.Path;
import org.shardledger.protocol.bytes.Bytes32;

/** Where an encoded file's pieces go in a directory: {@code <fileId>.p<part>.s<shard>} and the manifest. */
public final class ShardFiles {
  private ShardFiles() {}

  public static Path shard(Path dir, Bytes32 fileId, int part, int shard) {
    return dir.resolve(fileId.toHex().substring(2) + ".p" + part + ".s" + shard);
  }

  public static Path manifest(Path dir, String fileName) {
    return dir.resolve(fileName + ".manifest.json");
  }
}
