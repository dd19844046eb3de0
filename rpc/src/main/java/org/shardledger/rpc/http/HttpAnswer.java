package org.shardledger.rpc.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** What a service answers: a status, a content type, headers of its own (e.g. a page's policy) and a body. */
public record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json";

  public HttpAnswer {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
  }

  public HttpAnswer(int status, String contentType, byte[] body) {
    this(status, contentType, body, Map.of());
  }

  public static HttpAnswer json(int status, String json) {
    return new HttpAnswer(status, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpAnswer text(int status, String contentType, String text) {
    return new HttpAnswer(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpAnswer noContent() {
    return new HttpAnswer(204, JSON, new byte[0]);
  }
}
