package org.shardledger.client.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.client.crypto.FileMetadata;
import org.shardledger.client.crypto.GcmWarmUp;
import org.shardledger.client.crypto.MetadataSeal;
import org.shardledger.client.crypto.PartCipher;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.Envelopes;
import org.shardledger.client.layout.CodingParams;
import org.shardledger.client.layout.ShardInfo;
import org.shardledger.client.layout.ShardWriter;
import org.shardledger.client.layout.StripedPart;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestFile;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.client.manifest.ManifestSignature;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * A file to shards and a signed manifest, without the network: parts of at most the part size, each encrypted as
 * it streams (one thread) and erasure-coded into k + m shard files (another), the disk's room checked first, a file
 * that changes meanwhile refused. Memory stays a few megabytes whatever the file's size.
 */
public final class FileEncoder {
  static final int CHUNK = 1 << 20;
  static final int PIPE_DEPTH = 4;
  /** Below this the warm-up would cost more than it saves. */
  static final long WARM_UP_ABOVE = 16L << 20;

  private final EncodeOptions options;
  private final SecureRandom random;
  private final ProgressListener progress;
  private final DiskSpace disk;

  public FileEncoder(EncodeOptions options, SecureRandom random, ProgressListener progress, DiskSpace disk) {
    this.options = options;
    this.random = random;
    this.progress = progress;
    this.disk = disk;
  }

  /** The bytes encode will write for a file of {@code size} bytes (shards; the manifest is in the margin). */
  public long bytesToWrite(long size) {
    long total = 0;
    for (long offset = 0, p = 0; p < partCount(size); p++, offset += options.partSize()) {
      long plain = Math.min(options.partSize(), size - offset);
      CodingParams params = CodingParams.forPart(plain, options.dataShards(), options.parityShards());
      total += params.encodedSize(PartCipher.ciphertextLength(plain));
    }
    return total;
  }

  long partCount(long size) {
    return size == 0 ? 1 : (size + options.partSize() - 1) / options.partSize();
  }

  public EncodedFile encode(Path input, Path outDir, KeyPair owner, long chainId, Address ledger)
      throws IOException {
    BasicFileAttributes before = readable(input);
    long size = before.size();
    long parts = partCount(size);
    if (parts > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many parts: " + parts + "; use a larger part size");
    }
    FileMetadata metadata = new FileMetadata(input.getFileName().toString(), size);
    disk.require(outDir, bytesToWrite(size));
    Files.createDirectories(outDir);
    if (size > WARM_UP_ABOVE) {
      GcmWarmUp.run();
    }

    Bytes32 fileId = randomId();
    FileKey fileKey = FileKey.random(random);
    List<Path> written = new ArrayList<>();
    List<ManifestPart> manifestParts = new ArrayList<>();
    boolean done = false;
    try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ)) {
      for (int p = 0; p < parts; p++) {
        long offset = p * options.partSize();
        long plain = Math.min(options.partSize(), size - offset);
        CodingParams params = CodingParams.forPart(plain, options.dataShards(), options.parityShards());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < params.dataShards() + params.parityShards(); i++) {
          files.add(ShardFiles.shard(outDir, fileId, p, i));
        }
        written.addAll(files);
        StripedPart striped = encodePart(in, input, offset, plain, size, new PartCipher(fileKey, fileId, p), params,
            files);
        unchanged(input, before);
        manifestParts.add(toManifest(p, striped));
      }
      if (in.size() != size) {
        throw new FileChangedException(input, "its size went from " + size + " to " + in.size() + " bytes");
      }
      Manifest manifest = new Manifest(chainId, ledger, fileId, owner.address(),
          MetadataSeal.seal(metadata, fileKey, fileId), options.partSize(), manifestParts, List.of(), Optional.empty());
      EncryptionKey own = EncryptionKey.derive(owner);
      manifest = ManifestSignature.sign(manifest.withEnvelopes(List.of(
          Envelopes.seal(fileKey, owner.address(), own.publicKey(), manifest.envelopeContext()))), owner);
      Path manifestFile = ShardFiles.manifest(outDir, metadata.name());
      ManifestFile.write(manifestFile, manifest);
      done = true;
      return new EncodedFile(manifestFile, manifest, written);
    } finally {
      if (!done) {
        for (Path f : written) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private Bytes32 randomId() {
    byte[] id = new byte[32];
    random.nextBytes(id);
    return Bytes32.of(id);
  }

  private static BasicFileAttributes readable(Path input) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(input, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new IOException("cannot encode " + input + ": not a regular file");
      }
      if (!Files.isReadable(input)) {
        throw new IOException("cannot encode " + input + ": not readable");
      }
      return attributes;
    } catch (NoSuchFileException e) {
      throw new IOException("cannot encode " + input + ": no such file", e);
    }
  }

  private static void unchanged(Path input, BasicFileAttributes before) throws IOException {
    BasicFileAttributes now = Files.readAttributes(input, BasicFileAttributes.class);
    if (now.size() != before.size()) {
      throw new FileChangedException(input, "its size went from " + before.size() + " to " + now.size() + " bytes");
    }
    if (!now.lastModifiedTime().equals(before.lastModifiedTime())) {
      throw new FileChangedException(input, "it was modified at " + now.lastModifiedTime());
    }
  }

  /** Encrypts [offset, offset + length) of the file on this thread's helper and codes it here. */
  private StripedPart encodePart(FileChannel in, Path input, long offset, long length, long fileSize,
      PartCipher cipher, CodingParams params, List<Path> files) throws IOException {
    StripedPart[] striped = new StripedPart[1];
    ChunkPipe.connect("encrypt-" + input.getFileName(), CHUNK, PIPE_DEPTH, sink -> {
      try (OutputStream encrypting = cipher.encrypting(sink)) {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long done = 0;
        while (done < length) {
          buffer.clear().limit((int) Math.min(CHUNK, length - done));
          int n = in.read(buffer, offset + done);
          if (n < 0) {
            throw new FileChangedException(input, "it ended at " + (offset + done) + " bytes, " + fileSize
                + " expected");
          }
          encrypting.write(buffer.array(), 0, n);
          done += n;
          progress.progress(offset + done, fileSize);
        }
      }
    }, ciphertext -> striped[0] = ShardWriter.write(ciphertext, params, files));
    return striped[0];
  }

  static ManifestPart toManifest(int index, StripedPart striped) {
    List<ManifestShard> shards = new ArrayList<>();
    for (ShardInfo s : striped.shards()) {
      shards.add(new ManifestShard(s.index(), s.root(), s.size(), s.segmentSize(), List.of()));
    }
    CodingParams params = striped.params();
    return new ManifestPart(index, striped.ciphertextLength(), params.dataShards(), params.parityShards(),
        params.shareSize(), shards);
  }
}
