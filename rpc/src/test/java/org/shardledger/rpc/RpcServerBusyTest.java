package org.shardledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.shardledger.rpc.http.HttpServerSettings;
import org.shardledger.rpc.http.RawHttp;

/** With every worker busy and the queue full, a request is answered 503 at once instead of waiting unbounded. */
class RpcServerBusyTest {
  @Test
  void answers503WhenTheWorkersAndTheirQueueAreFull() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RpcMethod block = new RpcMethod() {
      @Override
      public String name() {
        return "test_block";
      }

      @Override
      public JsonNode execute(RpcParams params) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new TextNode("done");
      }
    };
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_block\",\"params\":[]}";
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try (RpcServer server = RpcServer.start(HttpServerSettings.defaults(new InetSocketAddress("127.0.0.1", 0),
        "busy").withWorkers(1, 1), new RpcDispatcher().register(block));
        RawHttp first = new RawHttp(server.port()); RawHttp second = new RawHttp(server.port());
        RawHttp third = new RawHttp(server.port())) {
      first.send(RawHttp.post("/", body));
      entered.await();
      CompletionService<RawHttp.Response> answers = new ExecutorCompletionService<>(clients);
      Future<RawHttp.Response> a = answers.submit(() -> {
        second.send(RawHttp.post("/", body));
        return second.read();
      });
      Future<RawHttp.Response> b = answers.submit(() -> {
        third.send(RawHttp.post("/", body));
        return third.read();
      });
      RawHttp.Response busy = answers.take().get();
      assertThat(busy.status()).as("one of the two finds the queue full").isEqualTo(503);
      assertThat(RpcDispatcher.JSON.readTree(busy.body()).path("error").path("code").asInt())
          .isEqualTo(RpcError.UNAVAILABLE.code());
      release.countDown();
      assertThat(first.read().body()).contains("\"result\":\"done\"");
      RawHttp.Response other = a.get().status() == 503 ? b.get() : a.get();
      assertThat(other.status()).isEqualTo(200);
    } finally {
      release.countDown();
      clients.shutdownNow();
    }
  }
}
