package org.shardledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What a role's JSON-RPC answered, per method: the error it answered with, if any, and how long it took.
 * {@link #NONE} records nothing; the node module implements it with Micrometer. Methods are observed by wrapping
 * them ({@link #observe}) before they are registered, so the dispatcher does not change.
 */
public interface RpcMetrics {
  RpcMetrics NONE = new RpcMetrics() {};

  default void answered(String method, Optional<RpcError> error, long nanos) {}

  /** The methods, each reporting its answers to {@code metrics}. */
  static List<RpcMethod> observe(List<RpcMethod> methods, RpcMetrics metrics) {
    return metrics == NONE ? methods : methods.stream().map(m -> observe(m, metrics)).toList();
  }

  static RpcMethod observe(RpcMethod method, RpcMetrics metrics) {
    return new RpcMethod() {
      @Override
      public String name() {
        return method.name();
      }

      @Override
      public JsonNode execute(RpcParams params) throws RpcException, IOException {
        long start = System.nanoTime();
        Optional<RpcError> error = Optional.of(RpcError.INTERNAL_ERROR);
        try {
          JsonNode result = method.execute(params);
          error = Optional.empty();
          return result;
        } catch (RpcException e) {
          error = Optional.of(e.error());
          throw e;
        } catch (IllegalArgumentException e) {
          error = Optional.of(RpcError.INVALID_PARAMS);
          throw e;
        } catch (IOException e) {
          error = Optional.of(RpcError.UNAVAILABLE);
          throw e;
        } finally {
          metrics.answered(method.name(), error, System.nanoTime() - start);
        }
      }
    };
  }
}
