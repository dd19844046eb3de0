package org.shardledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An answer that is an error: thrown by methods (and the client), mapped to a JSON-RPC error object. It may carry
 * {@code data} (JSON-RPC's {@code error.data}) that a caller acts on, e.g. the epoch a verifier needs from.
 */
public final class RpcException extends Exception {
  private final RpcError error;
  private final transient JsonNode data;

  public RpcException(RpcError error, String message) {
    this(error, message, null);
  }

  public RpcException(RpcError error, String message, JsonNode data) {
    super(message);
    this.error = error;
    this.data = data;
  }

  public RpcError error() {
    return error;
  }

  /** The error's {@code data} member, if it has one. */
  public Optional<JsonNode> data() {
    return Optional.ofNullable(data);
  }
}
