package org.shardledger.client.file;

import java.nio.file.Path;
import java.util.List;
import org.shardledger.client.manifest.Manifest;

/** What encode wrote: the signed manifest and its file, and every shard file (part by part, shard by shard). */
public record EncodedFile(Path manifestFile, Manifest manifest, List<Path> shardFiles) {
  public EncodedFile {
    shardFiles = List.copyOf(shardFiles);
  }
}
