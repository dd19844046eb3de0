package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shardledger encode} and {@code decode} as processes of their own under a small heap, and the file comes back
 * byte for byte. The normal suite uses a 48 MiB file in parts of 16 MiB under -Xmx64m; the 4 GiB run of the issue
 * is {@code -Dshardledger.roundtrip.size=4g -Dshardledger.roundtrip.heap=256m} (about 14 GiB of disk). Each
 * process's time is printed.
 */
class BoundedMemoryRoundTripTest {
  @TempDir
  Path dir;

  static long size() {
    return ByteSizes.parse(System.getProperty("shardledger.roundtrip.size", "48m"));
  }

  static String heap() {
    return System.getProperty("shardledger.roundtrip.heap", "64m");
  }

  static String partSize() {
    return System.getProperty("shardledger.roundtrip.part-size", size() > (1L << 30) ? "1g" : "16m");
  }

  static void generate(Path file, long size) throws IOException {
    SplittableRandom random = new SplittableRandom(4096);
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; ) {
        buffer.clear();
        while (buffer.remaining() >= 8) {
          buffer.putLong(random.nextLong());
        }
        int n = (int) Math.min(left, buffer.capacity() - buffer.remaining());
        out.write(buffer.array(), 0, n);
        left -= n;
      }
    }
  }

  /** Runs the shardledger command in a JVM of its own with the given heap; returns its wall time in seconds. */
  static double run(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx" + heap(), "-cp", System.getProperty("java.class.path"),
        ShardledgerCommand.class.getName()));
    command.addAll(List.of(args));
    Path log = dir.resolve("process.log");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.HOURS)).isTrue();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    return seconds;
  }

  @Test
  void encodeAndDecodeUnderASmallHeap() throws Exception {
    long size = size();
    Path file = dir.resolve("big.bin");
    generate(file, size);
    Path shards = dir.resolve("shards");
    double encode = run(dir, "encode", file.toString(), "--out", shards.toString(), "--part-size", partSize());
    Path back = dir.resolve("back.bin");
    double decode = run(dir, "decode", shards.resolve("big.bin.manifest.json").toString(), "--shards",
        shards.toString(), "--out", back.toString());
    System.out.printf("round trip of %,d bytes under -Xmx%s: encode %.1f s (%.0f MB/s), decode %.1f s (%.0f MB/s)%n",
        size, heap(), encode, size / encode / 1e6, decode, size / decode / 1e6);
    assertThat(Files.size(back)).isEqualTo(size);
    assertThat(Files.mismatch(file, back)).isEqualTo(-1);
  }
}
