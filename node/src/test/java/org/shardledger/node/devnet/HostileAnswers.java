package org.shardledger.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.RpcServer;

/**
 * What the page tests feed the dashboard and the network view from a hostile ledger or verifier: markup that would
 * run if a page inserted it as HTML, and JSON-RPC servers on loopback answering each method with fixed JSON.
 */
final class HostileAnswers {
  static final String IMG = "<img src=x onerror=\"window.pwned=1\">";
  static final String SCRIPT = "<script>window.pwned=2</script>";
  static final String IFRAME = "<iframe src=\"javascript:window.pwned=4\"></iframe>";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HostileAnswers() {}

  /** A JSON-RPC server on a free loopback port with these methods. */
  static RpcServer serve(RpcMethod... methods) throws IOException {
    return RpcServer.start(new InetSocketAddress("127.0.0.1", 0), new RpcDispatcher().register(methods));
  }

  /** A method {@code name} that answers {@code answer} (JSON) whatever it is asked. */
  static RpcMethod method(String name, String answer) {
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public JsonNode execute(RpcParams params) throws IOException {
        return JSON.readTree(answer);
      }
    };
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    return TextNode.valueOf(s).toString();
  }
}
