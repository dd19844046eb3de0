package org.shardledger.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.shardledger.rpc.MethodName;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.http.RawHttp;

class AdminServerTest {
  static final String STATUS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"admin_status\",\"params\":[]}";

  @TempDir
  Path data;

  private AdminServer admin;
  private String token;

  @BeforeEach
  void start() throws Exception {
    admin = AdminServer.start(data, new RpcDispatcher().register(new AdminStatus("test",
        out -> out.put("answer", 42))));
    token = Files.readString(data.resolve(AdminToken.FILE)).trim();
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  private RawHttp.Response post(String... headers) throws Exception {
    try (RawHttp http = new RawHttp(admin.port())) {
      StringBuilder raw = new StringBuilder("POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
          + STATUS.length() + "\r\n");
      for (String h : headers) {
        raw.append(h).append("\r\n");
      }
      http.send(raw.append("\r\n").append(STATUS).toString());
      return http.read();
    }
  }

  private String host() {
    return "Host: 127.0.0.1:" + admin.port();
  }

  @Test
  void createsTheTokenFileReadableByItsOwnerOnlyAndKeepsIt() throws Exception {
    Path file = data.resolve(AdminToken.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(token).matches("[0-9a-f]{64}");
    admin.close();
    admin = AdminServer.start(data, new RpcDispatcher());
    assertThat(Files.readString(file).trim()).as("the same token after a restart").isEqualTo(token);
    assertThat(Files.readString(data.resolve(AdminServer.URL_FILE)).trim()).isEqualTo(admin.url().toString());
  }

  @Test
  void answersWithTheTokenFromLoopback() throws Exception {
    RawHttp.Response r = post(host(), "Authorization: Bearer " + token);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"role\":\"test\",\"answer\":42}}");
    assertThat(post(host(), "Origin: http://127.0.0.1:" + admin.port(), "Authorization: Bearer " + token)
        .status()).as("its own origin").isEqualTo(200);
    assertThat(post("Host: localhost:" + admin.port(), "Authorization: Bearer " + token).status()).isEqualTo(200);
  }

  @Test
  void refusesARequestWithoutTheToken() throws Exception {
    RawHttp.Response r = post(host());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("missing or wrong admin token").doesNotContain(token);
    assertThat(post(host(), "Authorization: Bearer " + "0".repeat(64)).status()).isEqualTo(401);
    assertThat(post(host(), "Authorization: " + token).status()).as("not a bearer token").isEqualTo(401);
  }

  @Test
  void refusesAForeignOriginEvenWithTheToken() throws Exception {
    for (String origin : new String[] {"https://evil.example", "null", "http://127.0.0.1:1",
        "http://127.0.0.1.evil.example:" + admin.port()}) {
      RawHttp.Response r = post(host(), "Origin: " + origin, "Authorization: Bearer " + token);
      assertThat(r.status()).as(origin).isEqualTo(403);
      assertThat(r.body()).doesNotContain("\"result\"");
    }
  }

  @Test
  void refusesANonLoopbackHostEvenWithTheToken() throws Exception {
    for (String host : new String[] {"Host: rebind.evil.example:" + admin.port(), "Host: 10.0.0.1:" + admin.port(),
        "Host: 127.0.0.1:1", "Host: 127.0.0.1"}) {
      assertThat(post(host, "Authorization: Bearer " + token).status()).as(host).isEqualTo(403);
    }
    assertThat(post("Authorization: Bearer " + token).status()).as("no Host").isIn(400, 403);
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThatThrownBy(() -> AdminServer.start(data, new InetSocketAddress("0.0.0.0", 0), new RpcDispatcher()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback only");
  }

  @Test
  void theAdminClientFindsTheServerAndTheTokenInTheDataDirectory() throws Exception {
    assertThat(AdminClient.connect(data, Duration.ofSeconds(10)).call(MethodName.ADMIN_STATUS).get("answer").asInt())
        .isEqualTo(42);
  }
}
