package org.shardledger.rpc.admin;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.shardledger.rpc.http.HttpAnswer;
import org.shardledger.rpc.http.HttpCall;

/**
 * Who may use an admin interface: a request whose {@code Host} names the loopback interface (not a DNS name that
 * happens to resolve there: that is how DNS rebinding reaches loopback services), with no {@code Origin} or the
 * interface's own, and the token. A web page elsewhere can make a browser send a simple POST to loopback (CORS
 * does not stop that); it cannot make it send this Host and Origin together with a secret it cannot read.
 */
final class AdminGuard {
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  private final AdminToken token;
  private final int port;

  AdminGuard(AdminToken token, int port) {
    this.token = token;
    this.port = port;
  }

  /**
   * Why a page request is refused: only a Host that is not this loopback interface (a page is no secret, but a
   * rebound DNS name must not reach anything here).
   */
  Optional<HttpAnswer> pageRefusal(HttpCall call) {
    Optional<String> host = call.header("host");
    if (host.isEmpty() || !loopback(host.get(), false)) {
      return Optional.of(refuse(403, "Host " + host.orElse("(none)") + " is not this loopback interface"));
    }
    return Optional.empty();
  }

  /** Why the request is refused, as the answer to give; empty when it may go on. */
  Optional<HttpAnswer> refusal(HttpCall call) {
    Optional<HttpAnswer> host = pageRefusal(call);
    if (host.isPresent()) {
      return host;
    }
    Optional<String> origin = call.header("origin");
    if (origin.isPresent() && !loopback(origin.get(), true)) {
      return Optional.of(refuse(403, "requests from Origin " + origin.get() + " are refused"));
    }
    String auth = call.header("authorization").orElse("");
    if (!token.authorizes(auth)) {
      return Optional.of(refuse(401, "missing or wrong admin token (Authorization: Bearer <DATA/"
          + AdminToken.FILE + ">)"));
    }
    return Optional.empty();
  }

  /** {@code 127.0.0.1:PORT}, {@code localhost:PORT} or {@code [::1]:PORT}; with {@code http://} for an Origin. */
  private boolean loopback(String value, boolean origin) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (origin) {
      if (!v.startsWith("http://")) {
        return false;
      }
      v = v.substring("http://".length());
    }
    int colon = v.lastIndexOf(':');
    if (colon < 0 || v.endsWith("]")) {
      return false;
    }
    return LOOPBACK_HOSTS.contains(v.substring(0, colon)) && v.substring(colon + 1).equals(Integer.toString(port));
  }

  private static HttpAnswer refuse(int status, String why) {
    return HttpAnswer.json(status, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32003,\"message\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(why).toString() + "}}");
  }
}
