package org.shardledger.ledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.rpc.RpcServer;

/**
 * The golden cases again, over HTTP through the Netty server: every answer's body is byte for byte the compact
 * form of the golden response. And Foundry's {@code cast rpc} (a client we did not write) reads our answers.
 */
class LedgerRpcOverHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path CAST = Path.of("../contracts/node_modules/@foundry-rs/cast-linux-amd64/bin/cast");

  @TempDir
  Path db;

  @Test
  void everyGoldenCaseAnswersTheSameBytesOverHttp() throws Exception {
    List<Path> files;
    try (Stream<Path> listed = Files.list(LedgerRpcGoldenTest.DIR)) {
      files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    HttpClient http = HttpClient.newHttpClient();
    try (GoldenLedger ledger = new GoldenLedger(db);
        RpcServer server = RpcServer.start(new InetSocketAddress("127.0.0.1", 0), ledger.dispatcher)) {
      for (Path file : files) {
        JsonNode golden = JSON.readTree(file.toFile());
        JsonNode request = golden.get("request");
        String body = request.isTextual() ? request.asText() : request.toString();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.url())
            .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(file.getFileName().toString()).isEqualTo(200);
        assertThat(answer.body()).as(file.getFileName().toString())
            .isEqualTo(JSON.writeValueAsString(golden.get("response")));
      }
    }
  }

  @Test
  void castRpcReadsOurAnswers() throws Exception {
    assertThat(CAST).as("cast from contracts/node_modules (npm ci in contracts/)").isExecutable();
    try (GoldenLedger ledger = new GoldenLedger(db);
        RpcServer server = RpcServer.start(new InetSocketAddress("127.0.0.1", 0), ledger.dispatcher)) {
      String account = GoldenLedger.OPERATOR_A.address().toHex();
      JsonNode expected = JSON.readTree(ledger.dispatcher.handle(LedgerRpcGoldenTest.request("ledger_getBalance",
          account).toString())).get("result");
      assertThat(JSON.readTree(cast("rpc", "--rpc-url", server.url().toString(), "ledger_getBalance", account)))
          .isEqualTo(expected);
      assertThat(JSON.readTree(cast("rpc", "--rpc-url", server.url().toString(), "ledger_epoch"))
          .get("lastSettledEpoch").asText()).isEqualTo("0x1");
      assertThat(cast("rpc", "--rpc-url", server.url().toString(), "ledger_nothing")).contains("no method");
    }
  }

  private static String cast(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(CAST.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.trim();
  }

}
