package org.shardledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChainRpcProxyTest {
  private static HttpResponse<String> post(URI url, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void forwardsAnswersErrorsAndStallsAsTold() throws Exception {
    HttpServer chain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    chain.createContext("/", x -> {
      byte[] answer = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x10\"}".getBytes(StandardCharsets.UTF_8);
      x.getRequestBody().readAllBytes();
      x.sendResponseHeaders(200, answer.length);
      x.getResponseBody().write(answer);
      x.close();
    });
    chain.start();
    String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_blockNumber\",\"params\":[]}";
    try (ChainRpcProxy proxy = ChainRpcProxy.start(URI.create("http://127.0.0.1:" + chain.getAddress().getPort()))) {
      assertThat(post(proxy.url(), call).body()).contains("\"result\":\"0x10\"");
      proxy.mode(ChainRpcProxy.Mode.RPC_ERROR);
      assertThat(post(proxy.url(), call).body()).contains("\"id\":7", "\"error\"", "injected");
      proxy.mode(ChainRpcProxy.Mode.HTTP_ERROR);
      assertThat(post(proxy.url(), call).statusCode()).isEqualTo(503);
      proxy.onlyFor("eth_sendRawTransaction");
      assertThat(post(proxy.url(), call).body()).as("other methods pass").contains("\"result\"");
      proxy.onlyFor(null);
      proxy.stallFor(Duration.ofMillis(700));
      proxy.mode(ChainRpcProxy.Mode.STALL);
      long start = System.nanoTime();
      assertThat(post(proxy.url(), call).body()).contains("\"result\"");
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(700);
      assertThat(proxy.faulted()).isEqualTo(3);
    } finally {
      chain.stop(0);
    }
  }
}
