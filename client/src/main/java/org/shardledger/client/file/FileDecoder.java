package org.shardledger.client.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shardledger.client.crypto.GcmWarmUp;
import org.shardledger.client.crypto.PartCipher;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.layout.PendingFile;
import org.shardledger.client.layout.RootCheck;
import org.shardledger.client.layout.ShardInfo;
import org.shardledger.client.layout.ShardReader;
import org.shardledger.client.layout.StripedPart;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestCheck;
import org.shardledger.client.manifest.ManifestFile;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestRejectedException;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * Shards and a manifest back to the file: the manifest checked and opened for the reader, each part rebuilt from
 * any k of its shards that match their roots (one thread) and decrypted as it streams (another), the result written
 * to a temporary file and renamed into place only when every byte authenticated.
 */
public final class FileDecoder {
  private final ManifestVerifier verifier;
  private final ProgressListener progress;
  private final DiskSpace disk;
  private final RootCheck roots;

  public FileDecoder(ManifestVerifier verifier, ProgressListener progress, DiskSpace disk) {
    this(verifier, progress, disk, RootCheck.HASH_EACH_SHARD);
  }

  /**
   * A decoder that hashes the shard files against their roots only if {@code roots} asks: get's shards were checked
   * chunk by chunk as they arrived, and hashing them again would read and hash every byte a second time.
   */
  public FileDecoder(ManifestVerifier verifier, ProgressListener progress, DiskSpace disk, RootCheck roots) {
    this.verifier = verifier;
    this.progress = progress;
    this.disk = disk;
    this.roots = roots;
  }

  /** Decodes into {@code out}, or, when null, into {@code defaultDir} under the file's own name. */
  public DecodedFile decode(Path manifestFile, Path shardsDir, Path out, Path defaultDir, KeyPair reader)
      throws IOException, ManifestRejectedException {
    String json = ManifestFile.read(manifestFile);
    ManifestCheck check = verifier.open(json, EncryptionKey.derive(reader));
    if (check instanceof ManifestCheck.Rejected r) {
      throw new ManifestRejectedException(r.problem(), r.reason());
    }
    ManifestCheck.Opened opened = (ManifestCheck.Opened) check;
    Manifest manifest = opened.manifest();
    Path target = out != null ? out : defaultDir.resolve(opened.metadata().name());
    if (Files.exists(target)) {
      throw new IOException(target + " already exists; decode does not overwrite it (choose another --out)");
    }
    if (!Files.isDirectory(shardsDir)) {
      throw new IOException("shard directory " + shardsDir + " does not exist");
    }
    long length = opened.metadata().length();
    Path parent = target.toAbsolutePath().getParent();
    disk.require(parent, length);
    Files.createDirectories(parent);
    if (length > FileEncoder.WARM_UP_ABOVE) {
      GcmWarmUp.run();
    }
    try (PendingFile file = PendingFile.create(target)) {
      CountingStream counted = new CountingStream(file, length, progress);
      for (ManifestPart part : manifest.parts()) {
        decodePart(manifest, part, shardsDir, new PartCipher(opened.fileKey(), manifest.fileId(), part.index()),
            counted);
      }
      if (counted.count() != length) {
        throw new IOException("the parts hold " + counted.count() + " bytes, the sealed metadata says " + length);
      }
      file.commit();
    }
    return new DecodedFile(target, opened.metadata().name(), length, manifest.owner());
  }

  static StripedPart striped(ManifestPart part) {
    List<ShardInfo> shards = new ArrayList<>();
    for (ManifestShard s : part.shards()) {
      shards.add(new ShardInfo(s.index(), s.root(), s.size(), s.segmentSize()));
    }
    return new StripedPart(part.ciphertextLength(), part.coding(), shards);
  }

  private void decodePart(Manifest manifest, ManifestPart part, Path shardsDir, PartCipher cipher, OutputStream out)
      throws IOException {
    Map<Integer, Path> available = new LinkedHashMap<>();
    for (ManifestShard s : part.shards()) {
      Path f = ShardFiles.shard(shardsDir, manifest.fileId(), part.index(), s.index());
      if (Files.isRegularFile(f)) {
        available.put(s.index(), f);
      }
    }
    StripedPart striped = striped(part);
    try {
      ChunkPipe.connect("rebuild-part-" + part.index(), FileEncoder.CHUNK, FileEncoder.PIPE_DEPTH,
          ciphertext -> ShardReader.read(striped, available, roots, ciphertext), ciphertext -> {
            try (InputStream plain = cipher.decrypting(ciphertext)) {
              plain.transferTo(out);
            } catch (IOException e) {
              throw new IOException("it does not decrypt (" + e.getMessage() + "): its ciphertext was altered", e);
            }
          });
    } catch (IOException e) {
      throw new IOException("part " + part.index() + ": " + e.getMessage(), e);
    }
  }

  /** Writes into the pending file, counts what passes and reports progress. */
  private static final class CountingStream extends OutputStream {
    private final PendingFile out;
    private final long total;
    private final ProgressListener progress;
    private long count;

    CountingStream(PendingFile out, long total, ProgressListener progress) {
      this.out = out;
      this.total = total;
      this.progress = progress;
    }

    long count() {
      return count;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (count + len > total) {
        throw new IOException("the parts hold more than the " + total + " bytes the sealed metadata says");
      }
      out.write(b, off, len);
      count += len;
      progress.progress(count, total);
    }
  }
}
