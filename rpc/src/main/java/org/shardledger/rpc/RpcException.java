package org.shardledger.rpc;

/** An answer that is an error: thrown by methods (and the client), mapped to a JSON-RPC error object. */
public final class RpcException extends Exception {
  private final RpcError error;

  public RpcException(RpcError error, String message) {
    super(message);
    this.error = error;
  }

  public RpcError error() {
    return error;
  }
}
