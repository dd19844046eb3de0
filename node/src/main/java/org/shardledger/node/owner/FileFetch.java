package org.shardledger.node.owner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.DecodedFile;
import org.shardledger.client.file.FileDecoder;
import org.shardledger.client.file.ProgressListener;
import org.shardledger.client.layout.RootCheck;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.client.put.PutProgress;
import org.shardledger.client.retrieval.PartUnavailableException;
import org.shardledger.client.retrieval.ShardFetcher;
import org.shardledger.client.retrieval.ShardLocator;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.wire.client.WireClient;

/**
 * One file's get, the way {@code shardledger get} and the devnet both retrieve: k shards of every part fetched in
 * parallel from the holders {@code locator} names, with retrieval tickets the owner signs (each chunk checked
 * against its root as it arrives), then decoded, decrypted and written atomically. The fetched shards live in a
 * scratch directory removed afterwards.
 */
public final class FileFetch {
  private final WireClient wire;
  private final KeyPair owner;
  private final ShardLocator locator;
  private final PutProgress stages;

  public FileFetch(WireClient wire, KeyPair owner, ShardLocator locator, PutProgress stages) {
    this.wire = wire;
    this.owner = owner;
    this.locator = locator;
    this.stages = stages;
  }

  /**
   * The file of {@code manifest} (read from {@code manifestFile}) written to {@code out} (null: its own name in
   * {@code dir}); the scratch directory goes in {@code dir} too. {@code fetched} hears the bytes of every part's
   * k shards, {@code decoded} the decoder's progress.
   */
  public DecodedFile get(Manifest manifest, Path manifestFile, Path out, Path dir, ProgressListener fetched,
      ProgressListener decoded) throws IOException, InterruptedException, PartUnavailableException,
      ManifestRejectedException {
    Path shards = Files.createTempDirectory(dir.toAbsolutePath(), ".get-" + manifest.fileId().toHex().substring(2,
        10) + "-");
    try {
      stages.stage("fetch", 0, manifest.parts().size(), "fetching k shards of each part");
      ShardFetcher fetcher = new ShardFetcher(wire, t -> manifest.domain().sign(t, owner), locator,
          Duration.ofHours(1));
      long before = 0;
      for (ManifestPart part : manifest.parts()) {
        long offset = before;
        fetcher.fetchPart(manifest.fileId(), part, shards, (done, partTotal) -> fetched.progress(offset + done,
            total(manifest)));
        before += (long) part.dataShards() * part.shards().getFirst().size();
        stages.stage("fetch", part.index() + 1, manifest.parts().size(), "part " + part.index() + " fetched");
      }
      stages.stage("decode", 0, 1, "decoding and decrypting");
      // every chunk was checked against its shard's root as it arrived: no second hash of the shard files
      DecodedFile file = new FileDecoder(new ManifestVerifier(manifest.chainId(), manifest.ledger()), decoded,
          DiskSpace.OF_FILE_STORE, RootCheck.CHECKED_ON_ARRIVAL).decode(manifestFile, shards, out, dir, owner);
      stages.stage("decode", 1, 1, "written to " + file.file());
      return file;
    } finally {
      try (Stream<Path> files = Files.walk(shards)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The bytes a get fetches: k shards of every part. */
  public static long total(Manifest manifest) {
    return manifest.parts().stream().mapToLong(p -> (long) p.dataShards() * p.shards().getFirst().size()).sum();
  }
}
