package org.shardledger.contracts.anvil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the native anvil binary that {@code contracts/package.json} pins (installed by {@code npm ci}). */
public final class AnvilBinary {
  static final String RELATIVE = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

  private AnvilBinary() {}

  /** Looks in {@code dir}, {@code dir/contracts} and every parent of {@code dir}. */
  public static Optional<Path> find(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      for (Path candidate : new Path[] {d.resolve(RELATIVE), d.resolve("contracts").resolve(RELATIVE)}) {
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public static Path require(Path dir) {
    return find(dir).orElseThrow(() -> new IllegalStateException("no anvil binary found from " + dir
        + " upwards (expected contracts/" + RELATIVE + "); run 'npm ci' in contracts/ (bin/test does)"));
  }
}
