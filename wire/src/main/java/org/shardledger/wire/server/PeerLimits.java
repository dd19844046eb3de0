package org.shardledger.wire.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one peer address, and all uploads together, may take of the wire server (issue 12), so that no stranger
 * can hold every connection, every upload slot or the whole staging area.
 *
 * @param maxConnectionsPerAddress open connections from one IP address; more are answered OVERLOADED and closed
 * @param maxUploadsPerAddress uploads in progress from one IP address; more are answered OVERLOADED
 * @param minUploadBytesPerSecond the rate floor: an upload that delivers less over a {@code rateWindow} (while the
 *     server is not itself holding back) is dropped with TIMEOUT — a slowloris cannot keep a slot
 * @param rateWindow how long the rate floor is measured over
 * @param maxStagingBytes the announced sizes of all uploads in progress together; more are answered OVERLOADED
 */
public record PeerLimits(int maxConnectionsPerAddress, int maxUploadsPerAddress, long minUploadBytesPerSecond,
    Duration rateWindow, long maxStagingBytes) {

  public PeerLimits {
    Objects.requireNonNull(rateWindow, "rateWindow");
    if (maxConnectionsPerAddress < 1 || maxUploadsPerAddress < 1 || minUploadBytesPerSecond < 0
        || rateWindow.isNegative() || rateWindow.isZero() || maxStagingBytes < 0) {
      throw new IllegalArgumentException("at least one connection and one upload per address, a positive rate "
          + "window, no negative floor or staging space");
    }
  }

  /** 16 connections and 2 uploads per address, at least 16 KiB/s over 30 s, 8 GiB staged at once. */
  public static PeerLimits defaults() {
    return new PeerLimits(16, 2, 16 << 10, Duration.ofSeconds(30), 8L << 30);
  }

  public PeerLimits withRateFloor(long bytesPerSecond, Duration window) {
    return new PeerLimits(maxConnectionsPerAddress, maxUploadsPerAddress, bytesPerSecond, window, maxStagingBytes);
  }

  public PeerLimits withStaging(long bytes) {
    return new PeerLimits(maxConnectionsPerAddress, maxUploadsPerAddress, minUploadBytesPerSecond, rateWindow, bytes);
  }

  public PeerLimits withPerAddress(int connections, int uploads) {
    return new PeerLimits(connections, uploads, minUploadBytesPerSecond, rateWindow, maxStagingBytes);
  }
}
