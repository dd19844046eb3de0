package org.shardledger.client.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.shardledger.client.coding.ReedSolomon;
import org.shardledger.protocol.merkle.CommitmentBuilder;

/**
 * A part's ciphertext written in, its k + m shard files out (see {@link ShardWriter}): each full stripe is handed
 * to {@link ShardSinks}, which codes, writes and hashes it on its threads while the next one fills. {@link #finish} pads the last
 * stripe, commits the files and returns the part; closing without finishing deletes every temporary file.
 */
public final class ShardOutputStream extends OutputStream {
  private final CodingParams params;
  private final LongConsumer progress;
  private final List<PendingFile> files;
  private final CommitmentBuilder[] commitments;
  private final ShardSinks sinks;
  private final byte[][][] stripes;
  private final int shareSize;
  private final long stripeData;
  private int position;
  private long total;
  private long count;
  private boolean done;
  private boolean closed;

  ShardOutputStream(CodingParams params, List<Path> shardFiles, int segmentSize, LongConsumer progress)
      throws IOException {
    int n = params.totalShards();
    this.params = params;
    this.progress = progress;
    this.shareSize = params.shareSize();
    this.stripeData = params.stripeDataSize();
    this.stripes = new byte[][][] {new byte[n][shareSize], new byte[n][shareSize]};
    this.commitments = new CommitmentBuilder[n];
    this.files = new ArrayList<>(n);
    this.sinks = new ShardSinks(files, ReedSolomon.of(params.dataShards(), params.parityShards()));
    try {
      for (int i = 0; i < n; i++) {
        commitments[i] = new CommitmentBuilder(segmentSize);
        files.add(PendingFile.create(shardFiles.get(i)));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (done) {
      throw new IOException("the part's shards are already finished or closed");
    }
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      byte[][] shares = stripes[(int) (count & 1)];
      int share = position / shareSize;
      int at = position % shareSize;
      int n = Math.min(len, shareSize - at);
      System.arraycopy(b, off, shares[share], at, n);
      position += n;
      off += n;
      len -= n;
      if (position == stripeData) {
        flushStripe();
      }
    }
  }

  /**
   * Reads {@code in} to its end straight into the stripes (no intermediate buffer, unlike
   * {@link InputStream#transferTo}).
   */
  public void transferFrom(InputStream in) throws IOException {
    if (done) {
      throw new IOException("the part's shards are already finished or closed");
    }
    while (true) {
      byte[][] shares = stripes[(int) (count & 1)];
      int at = position % shareSize;
      int n = in.read(shares[position / shareSize], at, shareSize - at);
      if (n < 0) {
        return;
      }
      position += n;
      if (position == stripeData) {
        flushStripe();
      }
    }
  }

  /** Hands the current stripe (zero-padded after {@code position}) to the sinks to code, write and hash. */
  private void flushStripe() throws IOException {
    byte[][] shares = stripes[(int) (count & 1)];
    int k = params.dataShards();
    for (int i = position / shareSize; i < k; i++) {
      Arrays.fill(shares[i], i == position / shareSize ? position % shareSize : 0, shareSize, (byte) 0);
    }
    sinks.await();
    sinks.submit(shares, commitments);
    total += position;
    count++;
    position = 0;
    progress.accept(total);
  }

  /** Writes the last stripe, forces and renames every shard file into place, and returns the part. */
  public StripedPart finish() throws IOException {
    if (done) {
      throw new IOException("the part's shards are already finished or closed");
    }
    done = true;
    try {
      if (position > 0 || count == 0) {
        flushStripe();
      }
      sinks.await();
      List<ShardInfo> shards = new ArrayList<>(commitments.length);
      for (int i = 0; i < commitments.length; i++) {
        shards.add(ShardInfo.of(i, commitments[i].finish()));
      }
      for (PendingFile file : files) {
        file.commit();
      }
      return new StripedPart(total, params, shards);
    } finally {
      close();
    }
  }

  /** Releases the threads and, unless {@link #finish} succeeded, deletes the temporary files. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    done = true;
    sinks.close();
    IOException failure = null;
    for (PendingFile file : files) {
      try {
        file.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    files.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
