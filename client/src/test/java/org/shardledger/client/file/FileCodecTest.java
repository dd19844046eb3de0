package org.shardledger.client.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.disk.NotEnoughSpaceException;
import org.shardledger.client.layout.RootCheck;
import org.shardledger.client.layout.ShardsUnavailableException;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestProblem;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

class FileCodecTest {
  static final long CHAIN = 31337;
  static final Address LEDGER = Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
  static final KeyPair OWNER =
      KeyPair.fromPrivateKeyHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final KeyPair OTHER =
      KeyPair.fromPrivateKeyHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  static final long MIB = 1 << 20;

  @TempDir
  Path dir;

  Path input(String name, long size, long seed) throws IOException {
    Path file = dir.resolve(name);
    byte[] data = new byte[(int) size];
    new Random(seed).nextBytes(data);
    Files.write(file, data);
    return file;
  }

  static FileEncoder encoder(int k, int m, long partSize) {
    return new FileEncoder(new EncodeOptions(k, m, partSize), new SecureRandom(), ProgressListener.NONE,
        DiskSpace.OF_FILE_STORE);
  }

  static FileDecoder decoder() {
    return new FileDecoder(new ManifestVerifier(CHAIN, LEDGER), ProgressListener.NONE, DiskSpace.OF_FILE_STORE);
  }

  static Stream<long[]> cases() {
    // size, k, m, part size
    long exactStripe = 4 * 65536 * 4 - 40 - 16 * 4; // ciphertext of exactly 4 stripes of 4 x 64 KiB
    return Stream.of(new long[] {0, 4, 2, MIB}, new long[] {1, 4, 2, MIB}, new long[] {5000, 3, 3, MIB},
        new long[] {MIB - 1, 4, 2, MIB}, new long[] {exactStripe + 2 * MIB, 4, 2, 4 * MIB},
        new long[] {3 * MIB + 12345, 4, 2, MIB}, new long[] {2 * MIB, 10, 4, MIB}, new long[] {2 * MIB + 7, 1, 1, MIB});
  }

  @ParameterizedTest
  @MethodSource("cases")
  void roundTripsFromAnyKShardsOfEachPart(long[] c) throws Exception {
    Path file = input("data.bin", c[0], c[0]);
    EncodedFile encoded = encoder((int) c[1], (int) c[2], c[3]).encode(file, dir.resolve("out"), OWNER, CHAIN,
        LEDGER);
    Manifest m = encoded.manifest();
    assertThat(m.parts()).hasSize((int) Math.max(1, (c[0] + c[3] - 1) / c[3]));
    Random random = new Random(c[0] + 1);
    for (ManifestPart part : m.parts()) {
      assertThat(part.dataShards()).isEqualTo(c[0] - part.index() * c[3] < MIB ? 1 : (int) c[1]);
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < part.dataShards() + part.parityShards(); i++) {
        indices.add(i);
      }
      Collections.shuffle(indices, random);
      for (int i : indices.subList(0, part.parityShards())) {
        Files.delete(ShardFiles.shard(dir.resolve("out"), m.fileId(), part.index(), i));
      }
    }
    DecodedFile decoded = decoder().decode(encoded.manifestFile(), dir.resolve("out"), dir.resolve("back.bin"), dir,
        OWNER);
    assertThat(decoded.signer()).isEqualTo(OWNER.address());
    assertThat(decoded.name()).isEqualTo("data.bin");
    assertThat(Files.mismatch(file, decoded.file())).isEqualTo(-1);
  }

  @Test
  void decodesUnderTheOriginalNameByDefault() throws Exception {
    Path file = input("photo.jpg", 10000, 3);
    EncodedFile encoded = encoder(4, 2, MIB).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER);
    Path restoreDir = Files.createDirectories(dir.resolve("restore"));
    DecodedFile decoded = decoder().decode(encoded.manifestFile(), dir.resolve("out"), null, restoreDir, OWNER);
    assertThat(decoded.file()).isEqualTo(restoreDir.resolve("photo.jpg"));
    assertThat(Files.mismatch(file, decoded.file())).isEqualTo(-1);
    assertThatThrownBy(() -> decoder().decode(encoded.manifestFile(), dir.resolve("out"), null, restoreDir, OWNER))
        .hasMessageContaining("already exists");
  }

  @Test
  void tooFewShardsNamesTheMissingOnesAndWritesNothing() throws Exception {
    Path file = input("data.bin", 2 * MIB, 4);
    EncodedFile encoded = encoder(4, 2, 4 * MIB).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER);
    for (int i : new int[] {1, 3, 5}) {
      Files.delete(ShardFiles.shard(dir.resolve("out"), encoded.manifest().fileId(), 0, i));
    }
    Path back = dir.resolve("back.bin");
    assertThatThrownBy(() -> decoder().decode(encoded.manifestFile(), dir.resolve("out"), back, dir, OWNER))
        .hasCauseInstanceOf(ShardsUnavailableException.class).hasMessageContaining("part 0")
        .hasMessageContaining("missing shards 1, 3, 5");
    assertThat(back).doesNotExist();
    try (var listing = Files.list(dir)) {
      assertThat(listing.filter(p -> p.getFileName().toString().startsWith(".back.bin"))).isEmpty();
    }
  }

  @Test
  void aCorruptedShardIsFoundByItsRootAndTheOthersUsed() throws Exception {
    Path file = input("data.bin", 2 * MIB, 5);
    EncodedFile encoded = encoder(4, 2, 4 * MIB).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER);
    Path shard0 = ShardFiles.shard(dir.resolve("out"), encoded.manifest().fileId(), 0, 0);
    byte[] bytes = Files.readAllBytes(shard0);
    bytes[1000] ^= 1;
    Files.write(shard0, bytes);
    DecodedFile decoded = decoder().decode(encoded.manifestFile(), dir.resolve("out"), dir.resolve("back.bin"), dir,
        OWNER);
    assertThat(Files.mismatch(file, decoded.file())).isEqualTo(-1);
    // with two more gone, the corrupted one is named as bad
    Files.delete(ShardFiles.shard(dir.resolve("out"), encoded.manifest().fileId(), 0, 4));
    Files.delete(ShardFiles.shard(dir.resolve("out"), encoded.manifest().fileId(), 0, 5));
    assertThatThrownBy(() -> decoder().decode(encoded.manifestFile(), dir.resolve("out"), dir.resolve("b2"), dir,
        OWNER)).hasMessageContaining("bad shards 0 (root");
  }


  @Test
  void shardsCheckedOnArrivalAreNotHashedAgainYetAlteredBytesStillNeverReachTheFile() throws Exception {
    Path file = input("data.bin", 2 * MIB, 5);
    EncodedFile encoded = encoder(4, 2, 4 * MIB).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER);
    FileDecoder trusting = new FileDecoder(new ManifestVerifier(CHAIN, LEDGER), ProgressListener.NONE,
        DiskSpace.OF_FILE_STORE, RootCheck.CHECKED_ON_ARRIVAL);
    DecodedFile intact = trusting.decode(encoded.manifestFile(), dir.resolve("out"), dir.resolve("back.bin"), dir,
        OWNER);
    assertThat(Files.mismatch(file, intact.file())).isEqualTo(-1);
    Path shard0 = ShardFiles.shard(dir.resolve("out"), encoded.manifest().fileId(), 0, 0);
    byte[] bytes = Files.readAllBytes(shard0);
    bytes[1000] ^= 1;
    Files.write(shard0, bytes);
    // not re-hashed, so shard 0 is used (the hashing decoder would leave it out and succeed) and GCM refuses the part
    Path back = dir.resolve("b2");
    assertThatThrownBy(() -> trusting.decode(encoded.manifestFile(), dir.resolve("out"), back, dir, OWNER))
        .hasMessageContaining("part 0").hasMessageContaining("does not decrypt");
    assertThat(back).doesNotExist();
  }
  @Test
  void aWrongAccountKeyOrAnotherChainIsRefused() throws Exception {
    Path file = input("data.bin", 3000, 6);
    EncodedFile encoded = encoder(4, 2, MIB).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER);
    assertThatThrownBy(() -> decoder().decode(encoded.manifestFile(), dir.resolve("out"), dir.resolve("b"), dir,
        OTHER)).isInstanceOfSatisfying(ManifestRejectedException.class,
            e -> assertThat(e.problem()).isEqualTo(ManifestProblem.NO_ENVELOPE));
    FileDecoder otherChain = new FileDecoder(new ManifestVerifier(1, LEDGER), ProgressListener.NONE,
        DiskSpace.OF_FILE_STORE);
    assertThatThrownBy(() -> otherChain.decode(encoded.manifestFile(), dir.resolve("out"), dir.resolve("b"), dir,
        OWNER)).isInstanceOfSatisfying(ManifestRejectedException.class,
            e -> assertThat(e.problem()).isEqualTo(ManifestProblem.WRONG_CHAIN));
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void aFullDiskIsFoundBeforeAnythingIsWritten() throws Exception {
    Path file = input("data.bin", 3 * MIB, 7);
    FileEncoder encoder = new FileEncoder(new EncodeOptions(4, 2, MIB), new SecureRandom(), ProgressListener.NONE,
        d -> 4 * MIB);
    assertThatThrownBy(() -> encoder.encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER))
        .isInstanceOf(NotEnoughSpaceException.class).hasMessageContaining("not enough disk space");
    assertThat(dir.resolve("out")).doesNotExist();

    EncodedFile encoded = encoder(4, 2, MIB).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER);
    FileDecoder decoder = new FileDecoder(new ManifestVerifier(CHAIN, LEDGER), ProgressListener.NONE, d -> MIB);
    assertThatThrownBy(() -> decoder.decode(encoded.manifestFile(), dir.resolve("out"), dir.resolve("back"), dir,
        OWNER)).isInstanceOf(NotEnoughSpaceException.class);
    assertThat(dir.resolve("back")).doesNotExist();
  }

  @Test
  void aFileThatChangesWhileEncodedIsRefusedAndNothingKept() throws Exception {
    Path file = input("growing.log", 3 * MIB, 8);
    AtomicBoolean appended = new AtomicBoolean();
    ProgressListener appendOnce = (done, total) -> {
      if (appended.compareAndSet(false, true)) {
        try {
          Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    FileEncoder encoder = new FileEncoder(new EncodeOptions(4, 2, MIB), new SecureRandom(), appendOnce,
        DiskSpace.OF_FILE_STORE);
    assertThatThrownBy(() -> encoder.encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER))
        .isInstanceOf(FileChangedException.class).hasMessageContaining("changed while it was being encoded");
    try (var listing = Files.list(dir.resolve("out"))) {
      assertThat(listing).isEmpty();
    }
  }

  @Test
  void missingOrUnusableInputsAreClearErrors() throws Exception {
    assertThatThrownBy(() -> encoder(4, 2, MIB).encode(dir.resolve("nope"), dir.resolve("out"), OWNER, CHAIN,
        LEDGER)).isInstanceOf(IOException.class).hasMessageContaining("no such file");
    assertThatThrownBy(() -> encoder(4, 2, MIB).encode(dir, dir.resolve("out"), OWNER, CHAIN, LEDGER))
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> decoder().decode(dir.resolve("nope.json"), dir, null, dir, OWNER))
        .hasMessageContaining("does not exist");
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "not json");
    assertThatThrownBy(() -> decoder().decode(garbage, dir, null, dir, OWNER))
        .isInstanceOfSatisfying(ManifestRejectedException.class,
            e -> assertThat(e.problem()).isEqualTo(ManifestProblem.UNPARSEABLE));
  }

  @Test
  void anUnreadableFileIsAClearError() throws Exception {
    Path file = input("secret.bin", 100, 10);
    Files.setPosixFilePermissions(file, java.util.Set.of());
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root: every file is readable");
    assertThatThrownBy(() -> encoder(4, 2, MIB).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER))
        .hasMessageContaining("not readable");
  }

  @Test
  void codingAndPartSizesOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new EncodeOptions(4, 0, MIB)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new EncodeOptions(250, 7, MIB)).hasMessageContaining("at most 256");
    assertThatThrownBy(() -> new EncodeOptions(0, 2, MIB)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new EncodeOptions(4, 2, MIB - 1)).hasMessageContaining("part size");
    assertThatThrownBy(() -> new EncodeOptions(4, 2, 65L << 30)).hasMessageContaining("part size");
  }

  @Test
  void progressReachesTheWholeFile() throws Exception {
    Path file = input("data.bin", 3 * MIB + 5, 9);
    AtomicLong last = new AtomicLong();
    new FileEncoder(new EncodeOptions(4, 2, MIB), new SecureRandom(), (done, total) -> {
      assertThat(total).isEqualTo(3 * MIB + 5);
      assertThat(done).isGreaterThanOrEqualTo(last.get());
      last.set(done);
    }, DiskSpace.OF_FILE_STORE).encode(file, dir.resolve("out"), OWNER, CHAIN, LEDGER);
    assertThat(last.get()).isEqualTo(3 * MIB + 5);
  }
}
