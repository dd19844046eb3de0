package org.shardledger.client.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkPipeTest {
  @Test
  void carriesEveryByteInOrder() throws IOException {
    byte[] data = new byte[5_000_003];
    new Random(1).nextBytes(data);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    ChunkPipe.connect("test-writer", 4096, 2, sink -> {
      for (int off = 0; off < data.length; off += 777) {
        sink.write(data, off, Math.min(777, data.length - off));
      }
    }, source -> source.transferTo(received));
    assertThat(received.toByteArray()).isEqualTo(data);
  }

  @Test
  void theWritersFailureReachesTheCallerWithItsOwnType() {
    assertThatThrownBy(() -> ChunkPipe.connect("test-writer", 4096, 2, sink -> {
      sink.write(new byte[10_000]);
      throw new FileChangedException(java.nio.file.Path.of("f"), "test");
    }, source -> source.transferTo(new ByteArrayOutputStream()))).isInstanceOf(FileChangedException.class);
  }

  @Test
  void aReaderThatStopsMakesTheWriterStopInsteadOfHangingAndTheReadersFailureIsThrown() {
    assertThatThrownBy(() -> ChunkPipe.connect("test-writer", 4096, 2, sink -> {
      for (int i = 0; i < 1000; i++) {
        sink.write(new byte[4096]);
      }
    }, source -> {
      source.read(new byte[100]);
      throw new IOException("reader gave up");
    })).hasMessage("reader gave up");
    assertThatThrownBy(() -> ChunkPipe.connect("test-writer", 4096, 2, sink -> {
      for (int i = 0; i < 1000; i++) {
        sink.write(new byte[4096]);
      }
    }, source -> source.read(new byte[100]))).hasMessageContaining("reading side of the pipe stopped before the end");
  }
}
