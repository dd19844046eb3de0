package org.shardledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.rpc.http.HttpAnswer;
import org.shardledger.rpc.http.HttpServer;
import org.shardledger.rpc.http.HttpServerSettings;

/** A server that answers with more than the client takes gets an error, not this process's memory. */
class RpcClientCapTest {
  private static HttpServer serving(String body) throws IOException {
    return HttpServer.start(HttpServerSettings.defaults(new InetSocketAddress("127.0.0.1", 0), "test"),
        call -> HttpAnswer.json(200, body));
  }

  @Test
  void refusesAnAnswerLargerThanItsCap() throws Exception {
    String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + "x".repeat(200_000) + "\"}";
    try (HttpServer server = serving(big)) {
      RpcClient capped = new RpcClient(server.url(), Duration.ofSeconds(10), Map.of(), 100_000);
      assertThatThrownBy(() -> capped.call("anything")).isInstanceOf(IOException.class)
          .hasMessageContaining("with more than 100000 bytes");
      RpcClient roomy = new RpcClient(server.url(), Duration.ofSeconds(10), Map.of(), 300_000);
      assertThat(roomy.call("anything").asText()).hasSize(200_000);
    }
  }

  @Test
  void takesAnAnswerOfExactlyItsCap() throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":42}";
    try (HttpServer server = serving(body)) {
      RpcClient client = new RpcClient(server.url(), Duration.ofSeconds(10), Map.of(), body.length());
      assertThat(client.call("anything").asInt()).isEqualTo(42);
      RpcClient oneShort = new RpcClient(server.url(), Duration.ofSeconds(10), Map.of(), body.length() - 1);
      assertThatThrownBy(() -> oneShort.call("anything")).hasMessageContaining("more than");
    }
  }
}
