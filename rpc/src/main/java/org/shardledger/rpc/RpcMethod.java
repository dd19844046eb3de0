package org.shardledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** One JSON-RPC method: its name and what it does with its parameters. */
public interface RpcMethod {
  String name();

  /**
   * Runs the method. Bad parameters: {@link IllegalArgumentException} or {@link RpcException} with
   * INVALID_PARAMS; expected refusals: {@link RpcException}; I/O trouble: {@link IOException} (UNAVAILABLE).
   */
  JsonNode execute(RpcParams params) throws RpcException, IOException;
}
