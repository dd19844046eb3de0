package org.shardledger.node.owner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.EncodeOptions;
import org.shardledger.client.file.EncodedFile;
import org.shardledger.client.file.FileEncoder;
import org.shardledger.client.file.ProgressListener;
import org.shardledger.client.put.PutOptions;
import org.shardledger.client.put.PutPlan;
import org.shardledger.client.put.PutResult;
import org.shardledger.client.put.Putter;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * One file's put, the way {@code shardledger put} and the devnet both store: encoded and spooled, placed with the
 * operators whose terms admit it, then proposed, uploaded and activated by the {@link Putter}. Closing removes the
 * spooled shards (and the spool, once empty), whether the put went through or not.
 */
public final class FilePut implements AutoCloseable {
  private final Putter putter;
  private final EncodedFile encoded;
  private final Path spool;

  private FilePut(Putter putter, EncodedFile encoded, Path spool) {
    this.putter = putter;
    this.encoded = encoded;
    this.spool = spool;
  }

  /** Encrypts and codes {@code file} into {@code spool} for {@code owner} on {@code chain}'s ledger. */
  public static FilePut encode(Putter putter, Chain chain, KeyPair owner, Path file, Path spool, EncodeOptions coding,
      ProgressListener progress) throws IOException {
    EncodedFile encoded = new FileEncoder(coding, new SecureRandom(), progress, DiskSpace.OF_FILE_STORE)
        .encode(file, spool, owner, chain.deployment().chainId(), chain.deployment().ledger());
    return new FilePut(putter, encoded, spool);
  }

  public EncodedFile encoded() {
    return encoded;
  }

  /** Where each shard would go and what it costs; nothing is sent. */
  public PutPlan plan(PutOptions options) throws IOException, InterruptedException {
    return putter.plan(encoded, options);
  }

  /** Proposes, uploads and activates {@code plan}'s deals and writes the signed manifest to {@code manifestOut}. */
  public PutResult store(PutPlan plan, Path manifestOut) throws IOException, InterruptedException {
    return putter.store(plan, manifestOut);
  }

  @Override
  public void close() throws IOException {
    for (Path f : encoded.shardFiles()) {
      Files.deleteIfExists(f);
    }
    Files.deleteIfExists(encoded.manifestFile());
    try (var left = Files.list(spool)) {
      if (left.findAny().isEmpty()) {
        Files.delete(spool);
      }
    }
  }
}
