package org.shardledger.client.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.merkle.ShardHasher;

class ShardLayoutTest {
  private static final CodingParams FOUR_TWO = new CodingParams(4, 2, 4096);
  private static final int STRIPE = 4 * 4096;

  @TempDir Path dir;

  static Stream<Integer> edgeLengths() {
    return Stream.of(0, 1, STRIPE - 1, STRIPE, STRIPE + 1, 3 * STRIPE, 3 * STRIPE + 4097);
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("edgeLengths")
  void roundTripsFromEveryShardSetOfSizeK(int length) throws IOException {
    byte[] ciphertext = random(length, length);
    StripedPart part = write(ciphertext, FOUR_TWO);
    long stripes = Math.max(1, (length + STRIPE - 1) / STRIPE);
    assertThat(part.ciphertextLength()).isEqualTo(length);
    assertThat(part.stripes()).isEqualTo(stripes);
    for (ShardInfo shard : part.shards()) {
      Path file = shardFile(shard.index());
      assertThat(Files.size(file)).isEqualTo(stripes * 4096).isEqualTo(shard.size());
      assertThat(new ShardHasher(4096).commit(file).root()).isEqualTo(shard.root());
      assertThat(shard.segmentSize()).isEqualTo(4096);
    }
    for (int a = 0; a < 6; a++) {
      for (int b = a + 1; b < 6; b++) {
        Map<Integer, Path> offered = allShards(6);
        offered.remove(a);
        offered.remove(b);
        assertThat(read(part, offered)).as("without %d and %d", a, b).isEqualTo(ciphertext);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
          .allMatch(name -> name.startsWith("shard-") && !name.endsWith(".tmp"));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.shardledger.client.PropertySeeds#seeds")
  void anyMMissingShardsOfAnyPartRecover(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int k = 1 + random.nextInt(8);
    int m = 1 + random.nextInt(5);
    CodingParams params = new CodingParams(k, m, 4096);
    byte[] ciphertext = random(random.nextInt(0, 4 * k * 4096 + 2), seed);
    Path partDir = Files.createDirectory(dir.resolve("seed" + seed));
    List<Path> files = IntStream.range(0, k + m).mapToObj(i -> partDir.resolve("s" + i)).toList();
    StripedPart part;
    try (InputStream in = new ByteArrayInputStream(ciphertext)) {
      part = ShardWriter.write(in, params, files);
    }
    Map<Integer, Path> offered = new HashMap<>();
    for (int i = 0; i < k + m; i++) {
      offered.put(i, files.get(i));
    }
    random.ints(0, k + m).distinct().limit(m).forEach(offered::remove);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShardReader.read(part, offered, out);
    assertThat(out.toByteArray()).as("%d+%d without %s", k, m, offered.keySet()).isEqualTo(ciphertext);
  }

  @Test
  void aCorruptedShardIsFoundByItsRootAndTheOthersUsed() throws IOException {
    byte[] ciphertext = random(2 * STRIPE + 100, 1);
    StripedPart part = write(ciphertext, FOUR_TWO);
    flipByte(shardFile(1), 5000);
    Map<Integer, Path> offered = allShards(6);
    offered.remove(5);
    assertThat(read(part, offered)).isEqualTo(ciphertext);

    offered.remove(4);
    assertThatThrownBy(() -> read(part, offered)).isInstanceOf(ShardsUnavailableException.class)
        .hasMessageStartingWith("the part needs 4 good shards; missing shards 4, 5; bad shards 1 (root 0x")
        .satisfies(e -> {
          ShardsUnavailableException s = (ShardsUnavailableException) e;
          assertThat(s.missing()).containsExactly(4, 5);
          assertThat(s.bad()).containsOnlyKeys(1);
        });
  }

  @Test
  void aTruncatedShardIsBadAndTooFewShardsNameTheMissingOnes() throws IOException {
    StripedPart part = write(random(STRIPE * 2, 2), FOUR_TWO);
    Files.write(shardFile(0), new byte[10]);
    Map<Integer, Path> offered = allShards(6);
    offered.remove(2);
    offered.remove(3);
    offered.put(5, dir.resolve("does-not-exist"));
    assertThatThrownBy(() -> read(part, offered)).isInstanceOf(ShardsUnavailableException.class)
        .hasMessageStartingWith("the part needs 4 good shards; missing shards 2, 3; bad shards 0 (has 10 bytes, "
            + "expected 8192), 5 (unreadable: ");
  }

  @Test
  void rejectsAWrongNumberOfShardFilesAndForeignIndices() throws IOException {
    assertThatThrownBy(() -> ShardWriter.write(new ByteArrayInputStream(new byte[1]), FOUR_TWO,
        List.of(dir.resolve("a")))).hasMessage("a 4+2 part needs 6 shard files, got 1");
    assertThatThrownBy(() -> ShardWriter.write(new ByteArrayInputStream(new byte[1]), FOUR_TWO,
        Stream.generate(() -> dir.resolve("same")).limit(6).toList()))
        .hasMessageStartingWith("shard files must be distinct");
    StripedPart part = write(new byte[5], FOUR_TWO);
    Map<Integer, Path> offered = allShards(6);
    offered.put(6, shardFile(0));
    assertThatThrownBy(() -> read(part, offered)).hasMessage("the part has shards 0..5, offered shard 6");
  }

  @Test
  void aFailingInputLeavesNoShardFiles() {
    InputStream failing = new InputStream() {
      private int left = STRIPE + 10;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          throw new IOException("disk gone");
        }
        left--;
        return 1;
      }
    };
    assertThatThrownBy(() -> ShardWriter.write(failing, FOUR_TWO, files(6))).hasMessage("disk gone");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aSmallPartWith255ParityShardsComesBackFromAnySingleShard() throws IOException {
    CodingParams params = CodingParams.forPart(3000, 1, 255);
    assertThat(params).isEqualTo(new CodingParams(1, 255, 4096));
    byte[] ciphertext = random(3000, 6);
    StripedPart part = write(ciphertext, params);
    assertThat(part.shards()).hasSize(256);
    for (int keep : new int[] {0, 1, 2, 128, 255}) {
      assertThat(read(part, Map.of(keep, shardFile(keep)))).as("from shard %d alone", keep).isEqualTo(ciphertext);
    }
  }

  @Test
  void aMissingDirectoryIsAClearError() {
    List<Path> files = IntStream.range(0, 6).mapToObj(i -> dir.resolve("nowhere").resolve("s" + i)).toList();
    assertThatThrownBy(() -> ShardWriter.write(new ByteArrayInputStream(new byte[1]), FOUR_TWO, files))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("cannot write it: the directory " + dir.resolve("nowhere") + " does not exist");
  }

  @Test
  void aPushedStreamInOddPiecesGivesTheSameShardsAndAPulledStreamTheSameBytes() throws IOException {
    byte[] ciphertext = random(3 * STRIPE + 999, 8);
    StripedPart expected = write(ciphertext, FOUR_TWO);
    Path other = Files.createDirectory(dir.resolve("pushed"));
    List<Path> files = IntStream.range(0, 6).mapToObj(i -> other.resolve("s" + i)).toList();
    StripedPart pushed;
    try (ShardOutputStream out = ShardWriter.open(FOUR_TWO, files)) {
      SplittableRandom random = new SplittableRandom(9);
      int at = 0;
      while (at < ciphertext.length) {
        if (random.nextInt(10) == 0) {
          out.write(ciphertext[at++]);
        } else {
          int n = Math.min(ciphertext.length - at, random.nextInt(1, 20000));
          out.write(ciphertext, at, n);
          at += n;
        }
      }
      pushed = out.finish();
      assertThatThrownBy(() -> out.write(1)).hasMessage("the part's shards are already finished or closed");
    }
    assertThat(pushed).isEqualTo(expected);

    Map<Integer, Path> offered = new HashMap<>();
    for (int i = 2; i < 6; i++) {
      offered.put(i, files.get(i));
    }
    ByteArrayOutputStream pulled = new ByteArrayOutputStream();
    try (InputStream in = ShardReader.open(pushed, offered)) {
      for (int i = 0; i < 100; i++) {
        pulled.write(in.read());
      }
      pulled.write(in.readAllBytes());
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(pulled.toByteArray()).isEqualTo(ciphertext);
  }

  @Test
  void aPushedStreamClosedUnfinishedLeavesNoShardFiles() throws IOException {
    try (ShardOutputStream out = ShardWriter.open(FOUR_TWO, files(6))) {
      out.write(random(STRIPE + 5, 10));
    }
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void reportsProgressAfterEveryStripe() throws IOException {
    List<Long> reported = new java.util.ArrayList<>();
    byte[] ciphertext = random(2 * STRIPE + 7, 5);
    StripedPart part = ShardWriter.write(new ByteArrayInputStream(ciphertext), FOUR_TWO, files(6), 4096,
        reported::add);
    assertThat(reported).containsExactly((long) STRIPE, 2L * STRIPE, 2L * STRIPE + 7);
    assertThat(FOUR_TWO.encodedSize(ciphertext.length)).isEqualTo(6 * 3 * 4096L);
    assertThat(read(part, allShards(6))).isEqualTo(ciphertext);
  }

  @Test
  void rejectsASegmentSizeThatDoesNotDivideTheShare() {
    assertThatThrownBy(() -> ShardWriter.write(new ByteArrayInputStream(new byte[1]), FOUR_TWO, files(6), 8192))
        .hasMessage("share size 4096 is not a multiple of the segment size 8192");
  }

  @Test
  void rewritingAPartReplacesItsShards() throws IOException {
    write(random(100, 3), FOUR_TWO);
    byte[] second = random(200, 4);
    StripedPart part = write(second, FOUR_TWO);
    assertThat(read(part, allShards(6))).isEqualTo(second);
    assertThat(dir.toFile().list()).hasSize(6);
  }

  private StripedPart write(byte[] ciphertext, CodingParams params) throws IOException {
    return ShardWriter.write(new ByteArrayInputStream(ciphertext), params, files(params.totalShards()));
  }

  private static byte[] read(StripedPart part, Map<Integer, Path> offered) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShardReader.read(part, offered, out);
    return out.toByteArray();
  }

  private List<Path> files(int n) {
    return IntStream.range(0, n).mapToObj(this::shardFile).toList();
  }

  private Path shardFile(int i) {
    return dir.resolve("shard-" + i);
  }

  private Map<Integer, Path> allShards(int n) {
    Map<Integer, Path> all = new HashMap<>();
    for (int i = 0; i < n; i++) {
      all.put(i, shardFile(i));
    }
    return all;
  }

  private static void flipByte(Path file, int position) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[position] ^= 0x40;
    Files.write(file, bytes);
  }

  private static byte[] random(int length, long seed) {
    byte[] b = new byte[length];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }
}
