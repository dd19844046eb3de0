package org.shardledger.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritebackTest {
  @TempDir Path dir;

  @Test
  void forcesWhileTheFileIsWrittenAndTheBytesStayInOrder() throws IOException {
    Path file = dir.resolve("f");
    byte[] expected = new byte[300_000];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      Writeback writeback = new Writeback(channel, 10_000, "f");
      for (int i = 0; i < 300; i++) {
        byte[] chunk = new byte[1000];
        java.util.Arrays.fill(chunk, (byte) i);
        System.arraycopy(chunk, 0, expected, i * 1000, 1000);
        channel.write(ByteBuffer.wrap(chunk));
        writeback.written(chunk.length);
      }
      writeback.await();
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(expected);
  }

  @Test
  void aForceThatFindsTheFileClosedIsNoFailureAndAZeroIntervalIsRefused() throws IOException {
    Path file = dir.resolve("closed");
    Files.write(file, new byte[10]);
    FileChannel closed = FileChannel.open(file, StandardOpenOption.READ);
    closed.close();
    Writeback ignored = new Writeback(closed, 1, "closed");
    ignored.written(1);
    ignored.await();
    assertThatThrownBy(() -> new Writeback(closed, 0, "zero")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
