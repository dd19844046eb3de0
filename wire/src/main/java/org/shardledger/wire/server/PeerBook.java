package org.shardledger.wire.server;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Counts what each peer address holds (connections, uploads) and the bytes all uploads in progress announced. */
final class PeerBook {
  private final PeerLimits limits;
  private final Map<InetAddress, int[]> byAddress = new HashMap<>();
  private long stagingBytes;

  PeerBook(PeerLimits limits) {
    this.limits = limits;
  }

  PeerLimits limits() {
    return limits;
  }

  /** Counts a new connection; null when admitted, else why not. */
  synchronized String connect(InetAddress peer) {
    int[] held = byAddress.computeIfAbsent(peer, p -> new int[2]);
    if (held[0] >= limits.maxConnectionsPerAddress()) {
      return held[0] + " connections from " + peer.getHostAddress() + " are open; at most "
          + limits.maxConnectionsPerAddress() + " per address";
    }
    held[0]++;
    return null;
  }

  synchronized void disconnect(InetAddress peer) {
    int[] held = byAddress.get(peer);
    if (held != null && --held[0] <= 0 && held[1] <= 0) {
      byAddress.remove(peer);
    }
  }

  /** Counts a new upload of {@code size} bytes; null when admitted, else why not. */
  synchronized String startUpload(InetAddress peer, long size) {
    int[] held = byAddress.computeIfAbsent(peer, p -> new int[2]);
    if (held[1] >= limits.maxUploadsPerAddress()) {
      return held[1] + " uploads from " + peer.getHostAddress() + " are in progress; at most "
          + limits.maxUploadsPerAddress() + " per address";
    }
    if (size > limits.maxStagingBytes() - stagingBytes) {
      return "uploads in progress take " + stagingBytes + " bytes of staging space; " + size + " more do not fit "
          + "in " + limits.maxStagingBytes();
    }
    held[1]++;
    stagingBytes += size;
    return null;
  }

  synchronized void endUpload(InetAddress peer, long size) {
    stagingBytes -= size;
    int[] held = byAddress.get(peer);
    if (held != null && --held[1] <= 0 && held[0] <= 0) {
      byAddress.remove(peer);
    }
  }

  synchronized long stagingBytes() {
    return stagingBytes;
  }
}
