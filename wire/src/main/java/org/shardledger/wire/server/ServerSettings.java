package org.shardledger.wire.server;

import java.time.Duration;
import java.util.Objects;
import org.shardledger.wire.message.WireFormat;

/**
 * How the wire server listens and what it tolerates.
 *
 * @param maxConcurrentUploads uploads in progress at once over all connections; more are answered OVERLOADED
 * @param uploadBuffer received bytes that may wait for the disk before the server stops reading the connection
 * @param retrieveChunk payload of each RETRIEVE_DATA frame
 * @param handshakeTimeout how long a new connection may take to say HELLO
 * @param idleTimeout how long a connection may neither send nor receive anything (while the server is not itself
 *     holding back) before it is closed
 * @param limits what one peer address and all uploads together may take
 */
public record ServerSettings(String host, int port, int maxConcurrentUploads, int uploadBuffer, int retrieveChunk,
    Duration handshakeTimeout, Duration idleTimeout, int maxFrameLength, PeerLimits limits) {

  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(limits, "limits");
    if (port < 0 || port > 0xffff) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxConcurrentUploads < 1 || uploadBuffer < 64 << 10) {
      throw new IllegalArgumentException("need at least one upload and a 64 KiB upload buffer");
    }
    if (retrieveChunk < 1 || retrieveChunk > WireFormat.MAX_PAYLOAD) {
      throw new IllegalArgumentException("retrieve chunk must fit a frame: " + retrieveChunk);
    }
    if (maxFrameLength < 1 << 16 || maxFrameLength > WireFormat.MAX_FRAME_LENGTH) {
      throw new IllegalArgumentException("max frame length must be in [64 KiB, 16 MiB]: " + maxFrameLength);
    }
  }

  /**
   * Loopback, an ephemeral port, 8 uploads, 8 MiB upload buffer, 1 MiB retrieve frames, 10 s / 120 s timeouts,
   * {@link PeerLimits#defaults}.
   */
  public static ServerSettings defaults() {
    return new ServerSettings("127.0.0.1", 0, 8, 8 << 20, 1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(120),
        WireFormat.MAX_FRAME_LENGTH, PeerLimits.defaults());
  }

  public ServerSettings withLimits(PeerLimits l) {
    return new ServerSettings(host, port, maxConcurrentUploads, uploadBuffer, retrieveChunk, handshakeTimeout,
        idleTimeout, maxFrameLength, l);
  }

  public ServerSettings withAddress(String host, int port) {
    return new ServerSettings(host, port, maxConcurrentUploads, uploadBuffer, retrieveChunk, handshakeTimeout,
        idleTimeout, maxFrameLength, limits);
  }

  public ServerSettings withMaxConcurrentUploads(int uploads) {
    return new ServerSettings(host, port, uploads, uploadBuffer, retrieveChunk, handshakeTimeout, idleTimeout,
        maxFrameLength, limits);
  }

  public ServerSettings withTimeouts(Duration handshake, Duration idle) {
    return new ServerSettings(host, port, maxConcurrentUploads, uploadBuffer, retrieveChunk, handshake, idle,
        maxFrameLength, limits);
  }
}
