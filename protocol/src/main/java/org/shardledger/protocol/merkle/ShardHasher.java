package org.shardledger.protocol.merkle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * Commits files and streams of any size on several cores in bounded memory. The shard is cut into chunks of 2^h
 * segments; each chunk is a perfect RFC 9162 subtree (only the last may be partial), hashed on its own thread; the
 * chunk roots are merged in order. At most {@code 2 × threads} chunks are in memory at once.
 */
public final class ShardHasher {
  /** Chunk size when segments are small: 1 MiB keeps each task long enough to amortise the hand-off. */
  public static final int TARGET_CHUNK_BYTES = 1 << 20;

  private final int segmentSize;
  private final int threads;
  private final int chunkSegments;
  private final int chunkHeight;
  private final LongConsumer progress;

  public ShardHasher(int segmentSize, int threads, LongConsumer progress) {
    this(segmentSize, threads, progress, Math.max(1, TARGET_CHUNK_BYTES / segmentSize));
  }

  /** With an explicit chunk of {@code chunkSegments} segments (a power of two), so tests can cross many chunks. */
  ShardHasher(int segmentSize, int threads, LongConsumer progress, int chunkSegments) {
    this.segmentSize = ShardCommitment.checkSegmentSize(segmentSize);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (chunkSegments < 1 || Integer.bitCount(chunkSegments) != 1) {
      throw new IllegalArgumentException("chunk must be a power of two of segments, got " + chunkSegments);
    }
    this.threads = threads;
    this.chunkSegments = chunkSegments;
    this.chunkHeight = Integer.numberOfTrailingZeros(chunkSegments);
    this.progress = progress == null ? done -> { } : progress;
  }

  public ShardHasher(int segmentSize) {
    this(segmentSize, Runtime.getRuntime().availableProcessors(), null);
  }

  /** The commitment of a whole file. */
  public ShardCommitment commit(Path file) throws IOException {
    return hashFile(file, null);
  }

  /** The commitment of everything the stream yields until its end. The stream is not closed. */
  public ShardCommitment commit(InputStream in) throws IOException {
    return hashStream(in, null);
  }

  /** The commitment and the whole tree of a file (64 bytes of memory per segment). */
  public HashedShard tree(Path file) throws IOException {
    long segments = ShardCommitment.segmentCount(Files.size(file), segmentSize);
    if (segments > MerkleTree.MAX_LEAVES) {
      throw new IOException(file + " has " + segments + " segments; a tree in memory holds at most "
          + MerkleTree.MAX_LEAVES + " (use a larger segment size)");
    }
    LeafCollector leaves = new LeafCollector((int) segments);
    ShardCommitment commitment = hashFile(file, leaves);
    return new HashedShard(commitment, MerkleTree.fromLeafHashes(leaves.hashes, (int) segments));
  }

  /** A commitment with the tree it came from. */
  public record HashedShard(ShardCommitment commitment, MerkleTree tree) {}

  /** Each worker reads its own chunk with a positional read, so reading is as parallel as hashing. */
  private ShardCommitment hashFile(Path file, LeafCollector leaves) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (leaves != null && ShardCommitment.segmentCount(size, segmentSize) * Bytes32.SIZE != leaves.hashes.length) {
        throw new IOException(file + " changed size while it was committed");
      }
      long chunkBytes = (long) chunkSegments * segmentSize;
      long chunks = size == 0 ? 0 : (size - 1) / chunkBytes + 1;
      ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[(int) chunkBytes]);
      long[] next = {0};
      return run(size, leaves, () -> {
        if (next[0] == chunks) {
          return null;
        }
        long position = next[0]++ * chunkBytes;
        int length = (int) Math.min(chunkBytes, size - position);
        return () -> {
          byte[] buffer = buffers.get();
          readFully(channel, ByteBuffer.wrap(buffer, 0, length), position, file);
          return hashChunk(buffer, length, leaves != null);
        };
      });
    }
  }

  /** The calling thread reads the stream into pooled buffers; workers hash them. */
  private ShardCommitment hashStream(InputStream in, LeafCollector leaves) throws IOException {
    int chunkBytes = chunkSegments * segmentSize;
    BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(2 * threads);
    for (int i = 0; i < 2 * threads; i++) {
      pool.add(new byte[chunkBytes]);
    }
    return run(-1, leaves, () -> {
      byte[] buffer = pool.take();
      int length = in.readNBytes(buffer, 0, chunkBytes);
      if (length == 0) {
        pool.add(buffer);
        return null;
      }
      return () -> {
        try {
          return hashChunk(buffer, length, leaves != null);
        } finally {
          pool.add(buffer);
        }
      };
    });
  }

  /** Hashes one chunk: its leaf hashes (when kept) and its subtree root. */
  private ChunkResult hashChunk(byte[] data, int length, boolean keepLeaves) {
    MerkleHasher hasher = HASHERS.get();
    int leaves = (int) ShardCommitment.segmentCount(length, segmentSize);
    byte[] hashes = new byte[leaves * Bytes32.SIZE];
    for (int i = 0; i < leaves; i++) {
      int offset = i * segmentSize;
      hasher.leaf(data, offset, Math.min(segmentSize, length - offset), hashes, i * Bytes32.SIZE);
    }
    byte[] leafCopy = keepLeaves ? hashes.clone() : null;
    byte[] root = new byte[Bytes32.SIZE];
    if (leaves == chunkSegments) {
      for (int width = leaves; width > 1; width /= 2) {
        for (int j = 0; j < width / 2; j++) {
          hasher.node(hashes, 2 * j * Bytes32.SIZE, hashes, (2 * j + 1) * Bytes32.SIZE, hashes, j * Bytes32.SIZE);
        }
      }
      System.arraycopy(hashes, 0, root, 0, Bytes32.SIZE);
      return new ChunkResult(length, leafCopy, root, true);
    }
    SubtreeStack stack = new SubtreeStack(hasher);
    for (int i = 0; i < leaves; i++) {
      stack.push(0, hashes, i * Bytes32.SIZE);
    }
    stack.root(null).copyTo(root, 0);
    return new ChunkResult(length, leafCopy, root, false);
  }

  private static final ThreadLocal<MerkleHasher> HASHERS = ThreadLocal.withInitial(MerkleHasher::new);

  private record ChunkResult(int length, byte[] leafHashes, byte[] root, boolean full) {}

  /** Yields the work for the next chunk in order, or null after the last. */
  private interface ChunkSource {
    Callable<ChunkResult> next() throws IOException, InterruptedException;
  }

  private ShardCommitment run(long expectedSize, LeafCollector leaves, ChunkSource source) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "shard-hasher");
      t.setDaemon(true);
      return t;
    });
    SubtreeStack stack = new SubtreeStack(new MerkleHasher());
    ArrayDeque<Future<ChunkResult>> inFlight = new ArrayDeque<>();
    byte[] trailing = null;
    long size = 0;
    boolean exhausted = false;
    try {
      while (true) {
        while (!exhausted && inFlight.size() < 2 * threads) {
          Callable<ChunkResult> work = source.next();
          if (work == null) {
            exhausted = true;
          } else {
            inFlight.add(pool.submit(work));
          }
        }
        Future<ChunkResult> head = inFlight.poll();
        if (head == null) {
          break;
        }
        ChunkResult result = head.get();
        if (result.full()) {
          stack.push(chunkHeight, result.root(), 0);
        } else {
          trailing = result.root();
        }
        if (leaves != null) {
          leaves.add(result.leafHashes());
        }
        size += result.length();
        progress.accept(size);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while committing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("hashing failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (expectedSize >= 0 && size != expectedSize) {
      throw new IOException("the file changed size while it was committed");
    }
    return new ShardCommitment(stack.root(trailing), size, segmentSize);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file) throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new EOFException(file + " became shorter while it was committed");
      }
      position += n;
    }
  }

  /** Gathers leaf hashes in order into one array. */
  private static final class LeafCollector {
    private final byte[] hashes;
    private int offset;

    LeafCollector(int count) {
      this.hashes = new byte[count * Bytes32.SIZE];
    }

    void add(byte[] chunkLeaves) {
      System.arraycopy(chunkLeaves, 0, hashes, offset, chunkLeaves.length);
      offset += chunkLeaves.length;
    }
  }
}
