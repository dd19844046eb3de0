package org.shardledger.client.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.EncodeOptions;
import org.shardledger.client.file.EncodedFile;
import org.shardledger.client.file.FileDecoder;
import org.shardledger.client.file.FileEncoder;
import org.shardledger.client.file.ProgressListener;
import org.shardledger.client.file.ShardFiles;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;

/** The owner's fetcher against six real wire servers on 127.0.0.1, one shard of each part on each. */
class ShardFetcherIT {
  private static final long CHAIN = 31337;
  private static final Address LEDGER = Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
  private static final Eip712Domain DOMAIN = Eip712Domain.shardledger(CHAIN, LEDGER);
  private static final KeyPair OWNER =
      KeyPair.fromPrivateKeyHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final long MIB = 1 << 20;

  @TempDir
  Path dir;

  private final List<ServingOperator> operators = new ArrayList<>();
  private final Map<Bytes32, List<Holder>> holders = new HashMap<>();
  private WireClient wire;
  private EncodedFile encoded;
  private Path input;

  @BeforeEach
  void encodeAndServe() throws Exception {
    input = dir.resolve("input.bin");
    byte[] data = new byte[(int) (5 * MIB + 12345)];
    new Random(42).nextBytes(data);
    Files.write(input, data);
    encoded = new FileEncoder(new EncodeOptions(4, 2, 4 * MIB), new SecureRandom(), ProgressListener.NONE,
        DiskSpace.OF_FILE_STORE).encode(input, dir.resolve("spool"), OWNER, CHAIN, LEDGER);
    for (int i = 0; i < 6; i++) {
      operators.add(new ServingOperator(KeyPair.fromPrivateKey(BigInteger.valueOf(0x100 + i)), DOMAIN));
    }
    long dealId = 1;
    for (ManifestPart part : encoded.manifest().parts()) {
      for (ManifestShard shard : part.shards()) {
        ServingOperator op = operators.get(shard.index());
        Path file = ShardFiles.shard(dir.resolve("spool"), encoded.manifest().fileId(), part.index(), shard.index());
        op.hold(dealId, file, file, shard.segmentSize(), OWNER.address());
        holders.computeIfAbsent(shard.root(), r -> new ArrayList<>())
            .add(new Holder(dealId++, op.operator(), op.address()));
      }
    }
    wire = new WireClient(ClientSettings.defaults(DOMAIN).withRequestTimeout(Duration.ofSeconds(10)), OWNER);
  }

  @AfterEach
  void stop() {
    wire.close();
    operators.forEach(ServingOperator::close);
  }

  private ShardFetcher fetcher() {
    return new ShardFetcher(wire, t -> DOMAIN.sign(t, OWNER), root -> holders.getOrDefault(root, List.of()),
        Duration.ofMinutes(10));
  }

  private Path fetchAll(Path into) throws Exception {
    Files.createDirectories(into);
    for (ManifestPart part : encoded.manifest().parts()) {
      assertThat(fetcher().fetchPart(encoded.manifest().fileId(), part, into, ProgressListener.NONE)).hasSize(4);
    }
    Files.copy(encoded.manifestFile(), into.resolve("m.json"));
    return into;
  }

  private Path decode(Path shards) throws Exception {
    Path out = dir.resolve("back-" + shards.getFileName());
    new FileDecoder(new ManifestVerifier(CHAIN, LEDGER), ProgressListener.NONE, DiskSpace.OF_FILE_STORE)
        .decode(shards.resolve("m.json"), shards, out, dir, OWNER);
    return out;
  }

  @Test
  void kShardsOfEveryPartComeBackVerifiedAndDecodeByteIdentical() throws Exception {
    Path back = decode(fetchAll(dir.resolve("got")));
    assertThat(Files.mismatch(back, input)).isEqualTo(-1);
  }

  @Test
  void twoOperatorsDownStillGetsTheFileBack() throws Exception {
    operators.get(0).close();
    operators.get(3).close();
    Path back = decode(fetchAll(dir.resolve("got")));
    assertThat(Files.mismatch(back, input)).isEqualTo(-1);
  }

  /** The attack: an operator serving a corrupted chunk is dropped at that chunk and another shard is used. */
  @Test
  void anOperatorServingACorruptedChunkIsDroppedAndTheFileStillComesBack() throws Exception {
    ManifestPart part = encoded.manifest().parts().getFirst();
    Path honest = ShardFiles.shard(dir.resolve("spool"), encoded.manifest().fileId(), 0, 1);
    Path lying = Files.copy(honest, dir.resolve("lying"));
    byte[] bytes = Files.readAllBytes(lying);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(lying, bytes);
    Holder holder = holders.get(part.shards().get(1).root()).getFirst();
    operators.get(1).hold(holder.dealId(), lying, honest, part.shards().get(1).segmentSize(), OWNER.address());
    Path got = Files.createDirectories(dir.resolve("got"));
    List<Integer> fetched = fetcher().fetchPart(encoded.manifest().fileId(), part, got, ProgressListener.NONE);
    assertThat(fetched).containsExactly(0, 2, 3, 4);
    assertThat(ShardFiles.shard(got, encoded.manifest().fileId(), 0, 1)).doesNotExist();
    for (ManifestPart rest : encoded.manifest().parts().subList(1, encoded.manifest().parts().size())) {
      fetcher().fetchPart(encoded.manifest().fileId(), rest, got, ProgressListener.NONE);
    }
    Files.copy(encoded.manifestFile(), got.resolve("m.json"));
    assertThat(Files.mismatch(decode(got), input)).isEqualTo(-1);
  }

  @Test
  void threeOperatorsDownIsAClearErrorNamingTheMissingShards() throws Exception {
    operators.get(1).close();
    operators.get(2).close();
    operators.get(5).close();
    Path got = Files.createDirectories(dir.resolve("got"));
    ManifestPart part = encoded.manifest().parts().getFirst();
    assertThatThrownBy(() -> fetcher().fetchPart(encoded.manifest().fileId(), part, got, ProgressListener.NONE))
        .isInstanceOf(PartUnavailableException.class)
        .hasMessageContaining("part 0: 3 of the 4 shards it needs could be fetched")
        .hasMessageContaining("shard 1: deal").hasMessageContaining("shard 2: deal")
        .hasMessageContaining("shard 5: deal").hasMessageContaining("unreachable")
        .satisfies(e -> assertThat(((PartUnavailableException) e).failures()).containsOnlyKeys(1, 2, 5));
    try (var left = Files.list(got)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).as("only whole shards are left")
          .allMatch(name -> name.endsWith(".s0") || name.endsWith(".s3") || name.endsWith(".s4"));
    }
  }

  @Test
  void aShardWithNoKnownHolderIsNamedToo() throws Exception {
    holders.clear();
    ManifestPart part = encoded.manifest().parts().getFirst();
    assertThatThrownBy(() -> fetcher().fetchPart(encoded.manifest().fileId(), part, dir, ProgressListener.NONE))
        .hasMessageContaining("0 of the 4").hasMessageContaining("shard 0: no holder known");
  }
}
