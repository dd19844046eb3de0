package org.shardledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shardledger.rpc.http.HttpServerSettings;
import org.shardledger.rpc.http.RawHttp;

class RpcServerTest {
  private RpcServer server;

  @BeforeEach
  void start() throws Exception {
    RpcDispatcher dispatcher = new RpcDispatcher().register(new RpcMethod() {
      @Override
      public String name() {
        return "test_echo";
      }

      @Override
      public JsonNode execute(RpcParams params) throws RpcException {
        return new TextNode(params.raw(0).asText());
      }
    });
    server = RpcServer.start(HttpServerSettings.defaults(new InetSocketAddress("127.0.0.1", 0), "test-rpc")
        .withMaxRequestBytes(4096), dispatcher);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String echo(Object id, String value) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"test_echo\",\"params\":[\"" + value + "\"]}";
  }

  @Test
  void answersPipelinedRequestsInOrderOnOneKeptAliveConnection() throws Exception {
    try (var http = new RawHttp(server.port())) {
      StringBuilder three = new StringBuilder();
      for (int i = 1; i <= 3; i++) {
        three.append(RawHttp.post("/", echo(i, "v" + i)));
      }
      http.send(three.toString());
      for (int i = 1; i <= 3; i++) {
        var r = http.read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers()).containsEntry("content-type", "application/json");
        assertThat(r.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"result\":\"v" + i + "\"}");
      }
      http.send(RawHttp.post("/", echo(4, "again")));
      assertThat(http.read().body()).contains("\"result\":\"again\"");
    }
  }

  @Test
  void refusesAnOversizedBodyWith413AndAJsonRpcError() throws Exception {
    try (var http = new RawHttp(server.port())) {
      http.send(RawHttp.post("/", echo(1, "x".repeat(5000))));
      var r = http.read();
      assertThat(r.status()).isEqualTo(413);
      assertThat(RpcDispatcher.JSON.readTree(r.body()).path("error").path("code").asInt())
          .isEqualTo(RpcError.INVALID_REQUEST.code());
      assertThat(r.body()).contains("request larger than 4096 bytes");
      assertThat(http.read()).as("connection closed after the 413").isNull();
    }
  }

  @Test
  void disconnectsAClientThatPipelinesTooMuch() throws Exception {
    try (var http = new RawHttp(server.port())) {
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        many.append(RawHttp.post("/", echo(i, "p")));
      }
      http.send(many.toString());
      int answered = 0;
      while (http.read() != null) {
        answered++;
      }
      // The server closes as the limit is passed; answers already on their way may or may not arrive before the
      // close (it is a reset while requests are unread), so only "not all of them" is certain.
      assertThat(answered).as("answers before the disconnect").isLessThan(200);
    }
  }

  @Test
  void takesOnlyPost() throws Exception {
    try (var http = new RawHttp(server.port())) {
      http.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(http.read().status()).isEqualTo(405);
    }
  }

  @Test
  void answersANotificationWith204() throws Exception {
    try (var http = new RawHttp(server.port())) {
      http.send(RawHttp.post("/", "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"n\"]}"));
      var r = http.read();
      assertThat(r.status()).isEqualTo(204);
      assertThat(r.body()).isEmpty();
    }
  }

  @Test
  void serves64ConnectionsAtOnceWithoutAnError() throws Exception {
    int connections = 64;
    int perConnection = 100;
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int conn = c;
        done.add(clients.submit(() -> {
          int ok = 0;
          try (var http = new RawHttp(server.port())) {
            for (int i = 0; i < perConnection; i++) {
              String value = conn + "-" + i;
              http.send(RawHttp.post("/", echo(i, value)));
              var r = http.read();
              if (r != null && r.status() == 200 && r.body().equals(
                  "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"result\":\"" + value + "\"}")) {
                ok++;
              }
            }
          }
          return ok;
        }));
      }
      int ok = 0;
      for (Future<Integer> f : done) {
        ok += f.get();
      }
      assertThat(ok).isEqualTo(connections * perConnection);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void theJavaClientTalksToIt() throws Exception {
    RpcClient client = new RpcClient(server.url(), java.time.Duration.ofSeconds(30));
    assertThat(client.call("test_echo", "hello").asText()).isEqualTo("hello");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.call("test_nothing"))
        .isInstanceOf(RpcException.class).hasMessageContaining("no method test_nothing");
  }
}
