package org.shardledger.rpc.json;

import java.util.Objects;
import java.util.function.Function;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;

/**
 * What decoding a JSON form gave: the value, or where and why the input is not one. Garbage is an expected input
 * here, so it is a value, never an exception the caller did not ask for.
 */
public sealed interface Decoded<T> {

  record Ok<T>(T value) implements Decoded<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * @param path where in the document the problem is, e.g. {@code results[3].outcome} (empty: the document itself)
   * @param problem what is wrong there
   */
  record Invalid<T>(String path, String problem) implements Decoded<T> {
    public Invalid {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(problem, "problem");
    }

    public String message() {
      return path.isEmpty() ? problem : path + ": " + problem;
    }
  }

  default <U> Decoded<U> map(Function<T, U> f) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
      case Invalid<T> bad -> new Invalid<>(bad.path(), bad.problem());
    };
  }

  /** The value, or an INVALID_PARAMS answer naming the parameter and the place in it. */
  default T orInvalidParams(int parameter) throws RpcException {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Invalid<T> bad -> throw new RpcException(RpcError.INVALID_PARAMS, "parameter " + parameter
          + (bad.path().isEmpty() ? "" : " at " + bad.path()) + ": " + bad.problem());
    };
  }

  /** The value, or an {@link IllegalArgumentException} with the message (for values read back from one's own store). */
  default T orThrow() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Invalid<T> bad -> throw new IllegalArgumentException(bad.message());
    };
  }

  /** Runs a decoder that reports problems as {@link JsonReader.Problem}, turning them into {@link Invalid}. */
  static <T> Decoded<T> of(JsonReader.Decoder<T> decoder, com.fasterxml.jackson.databind.JsonNode node) {
    try {
      return new Ok<>(decoder.decode(JsonReader.root(node)));
    } catch (JsonReader.Problem p) {
      return new Invalid<>(p.path(), p.getMessage());
    }
  }
}
