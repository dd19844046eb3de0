package org.shardledger.wire.client;

import java.time.Duration;
import java.util.Objects;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.wire.message.WireFormat;

/**
 * How a client talks to operators.
 *
 * @param domain the EIP-712 domain the operators sign in (its chain id is also the handshake's)
 * @param requestTimeout how long a challenge may take, and how long an upload or retrieval may go without progress
 * @param chunkSize payload of each UPLOAD_CHUNK frame
 * @param receiveBuffer received bytes that may wait for the local disk before the client stops reading
 * @param idleConnectionsPerOperator connections kept open for reuse, per operator
 */
public record ClientSettings(Eip712Domain domain, Duration connectTimeout, Duration handshakeTimeout,
    Duration requestTimeout, int chunkSize, int receiveBuffer, int idleConnectionsPerOperator, int ioThreads) {

  /** The largest retrieval chunk a client holds while it checks it: 256 segments of 64 KiB. */
  public static final int MAX_CHUNK_BYTES = 16 << 20;

  public ClientSettings {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (chunkSize < 1 || chunkSize > WireFormat.MAX_PAYLOAD) {
      throw new IllegalArgumentException("chunk size must fit a frame: " + chunkSize);
    }
    if (receiveBuffer < 64 << 10 || idleConnectionsPerOperator < 0 || ioThreads < 0) {
      throw new IllegalArgumentException("receive buffer of at least 64 KiB, non-negative pool and thread counts");
    }
  }

  /** 5 s to connect, 5 s for the handshake, 30 s per request, 256 KiB chunks, 8 MiB buffer, 4 idle connections. */
  public static ClientSettings defaults(Eip712Domain domain) {
    return new ClientSettings(domain, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
        WireFormat.DEFAULT_CHUNK, 8 << 20, 4, 0);
  }

  public ClientSettings withRequestTimeout(Duration timeout) {
    return new ClientSettings(domain, connectTimeout, handshakeTimeout, timeout, chunkSize, receiveBuffer,
        idleConnectionsPerOperator, ioThreads);
  }

  public ClientSettings withChunkSize(int bytes) {
    return new ClientSettings(domain, connectTimeout, handshakeTimeout, requestTimeout, bytes, receiveBuffer,
        idleConnectionsPerOperator, ioThreads);
  }
}
