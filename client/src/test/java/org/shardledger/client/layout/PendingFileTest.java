package org.shardledger.client.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingFileTest {
  @TempDir Path dir;

  private static byte[] random(int length, long seed) {
    byte[] b = new byte[length];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  @Test
  void aFileForcedInTheBackgroundWhileWrittenCommitsWholeAndInOrder() throws IOException {
    byte[] data = random(1 << 20, 1);
    Path target = dir.resolve("whole.bin");
    try (PendingFile file = PendingFile.create(target, 8192)) {
      for (int at = 0; at < data.length; at += 5000) {
        file.write(data, at, Math.min(5000, data.length - at));
      }
      assertThat(target).doesNotExist();
      file.commit();
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(data);
    assertThat(temporaryFiles()).isZero();
  }

  @Test
  void aFileClosedUnfinishedWhileForcedInTheBackgroundLeavesNothing() throws IOException {
    byte[] data = random(1 << 20, 2);
    Path target = dir.resolve("unfinished.bin");
    try (PendingFile file = PendingFile.create(target, 4096)) {
      file.write(data, 0, data.length);
    }
    assertThat(target).doesNotExist();
    assertThat(temporaryFiles()).isZero();
  }

  private long temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }
  }
}
