package org.shardledger.bench.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.shardledger.client.coding.CodingKernel;
import org.shardledger.client.layout.CodingParams;
import org.shardledger.client.layout.ShardReader;
import org.shardledger.client.layout.ShardWriter;
import org.shardledger.client.layout.StripedPart;

/**
 * One part through the shard layout, against plain file I/O of the same bytes in the same run: writing the k + m
 * shard files (code, commit, fsync, rename) against writing and fsyncing the same number of bytes in k + m plain
 * files; reading back from the data shards (check every root, no decoding) and with m data shards missing
 * (decoding), against reading the k data files. Usage:
 * {@code bin/bench main client.ShardLayoutBench DIR [MiB] [k] [m]} (defaults 256 MiB, 10 + 4).
 */
public final class ShardLayoutBench {
  private ShardLayoutBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/layout-bench"));
    int mib = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int m = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    CodingParams params = new CodingParams(k, m, CodingParams.DEFAULT_SHARE_SIZE);
    byte[] part = new byte[mib << 20];
    new SplittableRandom(7).nextBytes(part);
    List<Path> shards = IntStream.range(0, k + m).mapToObj(i -> dir.resolve("shard-" + i)).toList();
    List<Path> plain = IntStream.range(0, k + m).mapToObj(i -> dir.resolve("plain-" + i)).toList();
    long shardSize = params.shardSize(part.length);
    System.out.printf("%d MiB part, %d+%d, %d KiB shares, kernel %s, files in %s%n", mib, k, m,
        params.shareSize() / 1024, CodingKernel.fastest(), dir);
    for (int round = 0; round < 2; round++) {
      long t0 = System.nanoTime();
      writePlain(plain, shardSize);
      double plainWrite = seconds(t0);
      t0 = System.nanoTime();
      StripedPart striped = ShardWriter.write(new ByteArrayInputStream(part), params, shards);
      double write = seconds(t0);
      t0 = System.nanoTime();
      for (int i = 0; i < k; i++) {
        readPlain(plain.get(i));
      }
      double plainRead = seconds(t0);
      Map<Integer, Path> all = new HashMap<>();
      for (int i = 0; i < k + m; i++) {
        all.put(i, shards.get(i));
      }
      t0 = System.nanoTime();
      ShardReader.read(striped, all, OutputStream.nullOutputStream());
      double read = seconds(t0);
      Map<Integer, Path> degraded = new HashMap<>(all);
      for (int i = 0; i < m; i++) {
        degraded.remove(i);
      }
      t0 = System.nanoTime();
      ShardReader.read(striped, degraded, OutputStream.nullOutputStream());
      double decode = seconds(t0);
      System.out.printf("round %d: write %.0f MB/s (plain %.0f MB/s of the same %d files); read %.0f MB/s, "
          + "with %d data shards missing %.0f MB/s (plain read of %d files %.0f MB/s); MB of part per second%n",
          round + 1, mb(part.length) / write, mb(part.length) / plainWrite, k + m, mb(part.length) / read, m,
          mb(part.length) / decode, k, mb(part.length) / plainRead);
    }
    for (Path p : shards) {
      Files.deleteIfExists(p);
    }
    for (Path p : plain) {
      Files.deleteIfExists(p);
    }
  }

  private static void writePlain(List<Path> files, long size) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
    new SplittableRandom(8).nextBytes(chunk.array());
    for (Path file : files) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        for (long done = 0; done < size; done += chunk.capacity()) {
          chunk.clear();
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
        }
        channel.force(true);
      }
    }
  }

  private static void readPlain(Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer.clear()) > 0) {
        buffer.flip();
      }
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double mb(long bytes) {
    return bytes / 1e6;
  }
}
