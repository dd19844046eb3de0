package org.shardledger.rpc.http;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as a service sees it: method, path, headers (names in lower case, the first value of each) and
 * the whole body. No Netty type leaks out of the server.
 */
public record HttpCall(String method, String path, Map<String, String> headers, byte[] body,
    InetSocketAddress remote) {
  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
