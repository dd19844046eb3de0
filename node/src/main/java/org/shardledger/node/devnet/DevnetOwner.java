package org.shardledger.node.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.shardledger.client.file.DecodedFile;
import org.shardledger.client.file.EncodeOptions;
import org.shardledger.client.file.ProgressListener;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.client.put.PutOptions;
import org.shardledger.client.put.PutProgress;
import org.shardledger.client.put.PutResult;
import org.shardledger.client.put.Putter;
import org.shardledger.client.retrieval.PartUnavailableException;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DealRecord;
import org.shardledger.node.owner.ChainIndex;
import org.shardledger.node.owner.ChainOwner;
import org.shardledger.node.owner.ChainShardLocator;
import org.shardledger.node.owner.FileFetch;
import org.shardledger.node.owner.FilePut;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's owner: stores each sample file with {@code put}'s own path ({@link FilePut}: terms, placement by
 * region, proposals, uploads, activation, a signed manifest) and brings it back with {@code get}'s
 * ({@link FileFetch}), checking the copy is byte-identical. Each file is coded so that it has a shard on every
 * operator and no region holds more than m of them.
 */
final class DevnetOwner {
  private static final Logger LOG = LoggerFactory.getLogger(DevnetOwner.class);

  private final Chain chain;
  private final KeyPair owner;
  private final Duration blockTime;
  private final Consumer<String> say;

  DevnetOwner(Chain chain, KeyPair owner, Duration blockTime, Consumer<String> say) {
    this.chain = chain;
    this.owner = owner;
    this.blockTime = blockTime;
    this.say = say;
  }

  /**
   * k + m for {@code operators} spread over the devnet's regions round robin: k + m = operators, m the most any
   * region holds (so losing a region loses no file); empty for a single operator, where no such coding exists.
   */
  static Optional<EncodeOptions> coding(int operators) {
    int m = (operators + DevnetAccounts.REGIONS - 1) / DevnetAccounts.REGIONS;
    int k = operators - m;
    return k < 1 ? Optional.empty() : Optional.of(new EncodeOptions(k, m, EncodeOptions.DEFAULT_PART_SIZE));
  }

  /**
   * Puts {@code count} random files of 1 to 3 MiB (smaller parts are kept as whole copies, k = 1) from {@code dir}
   * and gets each back; returns the deal ids.
   */
  List<Long> storeAndFetch(Path dir, int count, int operators, long dealEpochs) throws IOException,
      InterruptedException {
    Optional<EncodeOptions> coding = coding(operators);
    if (coding.isEmpty() || count == 0) {
      say.accept(count == 0 ? "the owner stores no files (--files 0)"
          : "the owner stores no files: one operator leaves no room for parity (k + m needs two)");
      return List.of();
    }
    List<Long> deals = new ArrayList<>();
    Random random = new Random();
    PutProgress stages = (stage, done, total, detail) -> LOG.info("{} {}/{} {}", stage, done, total, detail);
    try (WireClient wire = new WireClient(ClientSettings.defaults(chain.deployment().domain()), owner)) {
      ChainOwner owners = new ChainOwner(chain, blockTime);
      for (int f = 1; f <= count; f++) {
        Path file = dir.resolve("file-" + f + ".bin");
        byte[] data = new byte[(1024 + random.nextInt(2048)) * 1024];
        random.nextBytes(data);
        Files.write(file, data);
        deals.addAll(putAndGet(owners, wire, stages, file, coding.get(), dealEpochs));
      }
    }
    return deals;
  }

  private List<Long> putAndGet(ChainOwner owners, WireClient wire, PutProgress stages, Path file, EncodeOptions coding,
      long dealEpochs) throws IOException, InterruptedException {
    Path manifest = file.resolveSibling(file.getFileName() + ".manifest.json");
    long started = System.nanoTime();
    PutResult result;
    try (FilePut put = FilePut.encode(new Putter(owners, wire, owner, stages), chain, owner, file,
        manifest.resolveSibling(manifest.getFileName() + ".spool"), coding, ProgressListener.NONE)) {
      PutOptions options = PutOptions.defaults().withEpochs(dealEpochs).withExtraUploads(0)
          .withMaxPrice(DevnetRoles.PRICE_PER_GIB_EPOCH);
      result = put.store(put.plan(options), manifest);
    }
    double putSeconds = (System.nanoTime() - started) / 1e9;
    Set<String> operators = new TreeSet<>();
    Set<String> regions = new TreeSet<>();
    for (long id : result.deals()) {
      Address operator = chain.deals().get(id).map(DealRecord::deal).orElseThrow().operator();
      operators.add(operator.toChecksumHex());
      regions.add(DevnetAccounts.regionOf(operator));
    }
    double mb = Files.size(file) / 1e6;
    int k = result.manifest().parts().getFirst().dataShards();
    int n = k + result.manifest().parts().getFirst().parityShards();
    say.accept(String.format(Locale.ROOT, "put %s: %d part(s), %d+%d, on %d operators in %d regions (%s), %.2f MB "
        + "in %.1f s; deals %s", file.getFileName(), result.manifest().parts().size(), k, n - k, operators.size(),
        regions.size(), String.join(", ", regions), mb, putSeconds, result.deals()));

    started = System.nanoTime();
    Path back = file.resolveSibling(file.getFileName() + ".get");
    DecodedFile got;
    try {
      got = new FileFetch(wire, owner, new ChainShardLocator(ChainIndex.read(chain)), stages).get(result.manifest(),
          manifest, back, file.getParent(), ProgressListener.NONE, ProgressListener.NONE);
    } catch (PartUnavailableException | ManifestRejectedException e) {
      throw new IOException("the devnet's get of " + file.getFileName() + " failed: " + e.getMessage(), e);
    }
    if (Files.mismatch(got.file(), file) != -1) {
      throw new IOException("the devnet's get of " + file.getFileName() + " wrote " + got.file()
          + ", which differs from what was put");
    }
    say.accept(String.format(Locale.ROOT, "get %s: byte-identical, %.2f MB in %.1f s from %d of %d shards per part, "
        + "to %s", file.getFileName(), mb, (System.nanoTime() - started) / 1e9, k, n, got.file()));
    return result.deals();
  }
}
