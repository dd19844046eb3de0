package org.shardledger.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.http.RawHttp;

/** The pages beside an admin interface: served from the jar without the token, only these paths, only on loopback. */
class AdminPagesTest {
  @TempDir
  Path data;

  private AdminServer admin;

  @BeforeEach
  void start() throws Exception {
    AdminPages pages = new AdminPages(AdminPagesTest.class,
        List.of(new AdminPages.Asset("/", "page.html", "text/html; charset=utf-8")));
    admin = AdminServer.start(data, new InetSocketAddress("127.0.0.1", 0), new RpcDispatcher()
        .register(new AdminStatus("test", out -> out.put("answer", 42))), Optional.of(pages));
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  private RawHttp.Response get(String path, String host) throws Exception {
    try (RawHttp http = new RawHttp(admin.port())) {
      http.send("GET " + path + " HTTP/1.1\r\n" + host + "\r\n\r\n");
      return http.read();
    }
  }

  private String host() {
    return "Host: 127.0.0.1:" + admin.port();
  }

  @Test
  void everyPageServesTheSharedValueReadersUnderTheSamePolicy() throws Exception {
    RawHttp.Response r = get("/values.js", host());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("const PageValues = Object.freeze(", "quantity(v)", "credits(v, whole)");
    assertThat(r.headers().get("content-type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(r.headers().get("content-security-policy")).contains("default-src 'none'");
  }

  @Test
  void servesThePageWithoutTheTokenAndWithAPolicyThatLetsItLoadNothingElse() throws Exception {
    RawHttp.Response r = get("/", host());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("<title>test page</title>");
    assertThat(r.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(r.headers().get("content-security-policy")).contains("default-src 'none'")
        .contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'");
    assertThat(r.headers().get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(get("/?x=1", host()).status()).as("a query changes nothing").isEqualTo(200);
  }

  @Test
  void servesNothingButItsAssets() throws Exception {
    for (String path : new String[] {"/page.html", "/../page.html", "/%2e%2e/admin.token", "/admin.token",
        "//etc/passwd", "/org/shardledger/rpc/admin/page.html"}) {
      RawHttp.Response r = get(path, host());
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).isEqualTo("no such page\n");
    }
  }

  @Test
  void refusesAPageToAHostThatIsNotThisLoopbackInterface() throws Exception {
    assertThat(get("/", "Host: rebind.evil.example:" + admin.port()).status()).isEqualTo(403);
    assertThat(get("/", "Host: 127.0.0.1:1").status()).isEqualTo(403);
  }

  @Test
  void jsonRpcStillNeedsTheToken() throws Exception {
    try (RawHttp http = new RawHttp(admin.port())) {
      http.send(RawHttp.post("/", AdminServerTest.STATUS).replace("Host: 127.0.0.1\r\n", host() + "\r\n"));
      assertThat(http.read().status()).isEqualTo(401);
    }
    String token = Files.readString(data.resolve(AdminToken.FILE)).trim();
    assertThat(admin.pageUrl("/").toString()).isEqualTo(admin.url() + "/#token=" + token);
  }

  @Test
  void aMissingAssetIsAnErrorAtStart() {
    assertThatThrownBy(() -> new AdminPages(AdminPagesTest.class,
        List.of(new AdminPages.Asset("/", "missing.html", "text/html")))).hasMessageContaining("missing.html");
  }
}
