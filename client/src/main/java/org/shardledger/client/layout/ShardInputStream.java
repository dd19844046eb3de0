package org.shardledger.client.layout;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shardledger.client.coding.ReedSolomon;

/**
 * A part's ciphertext read from k checked shard files (see {@link ShardReader}): one stripe at a time, missing data
 * shares rebuilt, exactly {@code ciphertextLength} bytes, then end of stream. Memory: one stripe.
 */
public final class ShardInputStream extends InputStream {
  private final StripedPart part;
  private final int[] chosen;
  private final Path[] paths;
  private final FileChannel[] channels;
  private final ReedSolomon coder;
  private final byte[][] shares;
  private final boolean[] present;
  private final boolean decoding;
  private final int shareSize;
  private long nextStripe;
  private long remaining;
  /** Bytes of the current stripe's data still to deliver, from {@code position}. */
  private int available;
  private int position;

  ShardInputStream(StripedPart part, List<Integer> chosen, Map<Integer, Path> files) throws IOException {
    CodingParams params = part.params();
    int n = params.totalShards();
    this.part = part;
    this.chosen = chosen.stream().mapToInt(Integer::intValue).toArray();
    this.shareSize = params.shareSize();
    this.coder = ReedSolomon.of(params.dataShards(), params.parityShards());
    this.shares = new byte[n][shareSize];
    this.present = new boolean[n];
    this.paths = new Path[n];
    this.channels = new FileChannel[n];
    this.remaining = part.ciphertextLength();
    boolean rebuild = false;
    try {
      for (int i : this.chosen) {
        present[i] = true;
        rebuild |= i >= params.dataShards();
        paths[i] = files.get(i);
        channels[i] = FileChannel.open(paths[i], StandardOpenOption.READ);
      }
    } catch (IOException e) {
      close();
      throw e;
    }
    this.decoding = rebuild;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (available == 0 && !nextStripe()) {
      return -1;
    }
    int n = Math.min(len, Math.min(available, shareSize - position % shareSize));
    System.arraycopy(shares[position / shareSize], position % shareSize, b, off, n);
    position += n;
    available -= n;
    return n;
  }

  /** Reads and, if needed, decodes the next stripe; false at the end of the part. */
  private boolean nextStripe() throws IOException {
    if (remaining == 0) {
      return false;
    }
    long at = nextStripe++ * shareSize;
    for (int i : chosen) {
      ByteBuffer buffer = ByteBuffer.wrap(shares[i]);
      while (buffer.hasRemaining()) {
        if (channels[i].read(buffer, at + buffer.position()) < 0) {
          throw new EOFException(paths[i] + " became shorter while it was read");
        }
      }
    }
    if (decoding) {
      coder.reconstructData(shares, present, 0, shareSize);
    }
    available = (int) Math.min(remaining, part.params().stripeDataSize());
    remaining -= available;
    position = 0;
    return true;
  }

  @Override
  public void close() throws IOException {
    for (int i = 0; i < channels.length; i++) {
      if (channels[i] != null) {
        channels[i].close();
        channels[i] = null;
      }
    }
    remaining = 0;
    available = 0;
  }
}
