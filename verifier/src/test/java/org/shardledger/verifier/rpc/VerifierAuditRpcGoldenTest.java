package org.shardledger.verifier.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.chainstore.Database;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.testkit.GoldenFiles;
import org.shardledger.verifier.reputation.ReputationModel;
import org.shardledger.verifier.store.AuditRecord;
import org.shardledger.verifier.store.AuditStore;

/**
 * Golden request/response files of a verifier's {@code verifier_getAuditResults} and {@code verifier_getReputation}
 * ({@code src/test/resources/rpc-golden}, after the settlement files), against an audit log in H2 holding three
 * audits; regenerate with {@code -Dshardledger.golden.write=true}. The time of a reputation change ({@code at}) is
 * the wall clock's, so it is compared as {@code "<time>"}.
 */
class VerifierAuditRpcGoldenTest {
  static final Path DIR = Path.of("src/test/resources/rpc-golden");
  static final ObjectMapper JSON = GoldenFiles.JSON;
  static final Address OPERATOR = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  static final Address OTHER = Address.fromHex("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

  @TempDir
  Path dir;

  static Map<String, JsonNode> requests() {
    Map<String, JsonNode> c = new LinkedHashMap<>();
    c.put("06-verifier_getAuditResults", request(MethodName.VERIFIER_GET_AUDIT_RESULTS,
        JSON.createObjectNode().put("operator", OPERATOR.toHex())));
    c.put("07-verifier_getAuditResults-by-epoch-and-deal", request(MethodName.VERIFIER_GET_AUDIT_RESULTS,
        JSON.createObjectNode().put("epoch", "0x2").put("dealId", "0x7")));
    c.put("08-verifier_getAuditResults-garbage-filter", request(MethodName.VERIFIER_GET_AUDIT_RESULTS,
        JSON.getNodeFactory().textNode("everything")));
    c.put("09-verifier_getReputation", request(MethodName.VERIFIER_GET_REPUTATION,
        JSON.getNodeFactory().textNode(OPERATOR.toHex())));
    c.put("10-verifier_getReputation-garbage-address", request(MethodName.VERIFIER_GET_REPUTATION,
        JSON.getNodeFactory().textNode("0x1234")));
    return c;
  }

  static JsonNode request(MethodName method, JsonNode param) {
    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method.wire());
    r.putArray("params").add(param);
    return r;
  }

  @Test
  void answersExactlyItsGoldenResponses() throws Exception {
    try (Database db = Database.open(dir, "verifier")) {
      AuditStore store = new AuditStore(db, ReputationModel.STORJ_LIKE);
      store.recordResult(new AuditRecord(1, 7, OPERATOR, AuditOutcome.PASS, "VALID", "", 1, 12,
          "0x" + "ab".repeat(32), "0x" + "cd".repeat(65)));
      store.recordResult(new AuditRecord(2, 7, OPERATOR, AuditOutcome.FAIL, "BAD_PATH",
          "sample 3: the path does not lead to the deal's root", 1, 15, "0x" + "ef".repeat(32),
          "0x" + "12".repeat(65)));
      store.recordResult(new AuditRecord(2, 8, OTHER, AuditOutcome.UNREACHABLE, "TIMEOUT", "no answer in 10 s", 3,
          10000, null, null));
      RpcDispatcher dispatcher = new RpcDispatcher().register(new VerifierGetAuditResults(store))
          .register(new VerifierGetReputation(store, ReputationModel.STORJ_LIKE));
      GoldenFiles.check(DIR, requests(),
          request -> withoutTimes(JSON.readTree(dispatcher.handle(request.toString()))));
    }
  }

  private static JsonNode withoutTimes(JsonNode answer) {
    for (JsonNode c : answer.path("result").path("changes")) {
      ((ObjectNode) c).put("at", "<time>");
    }
    return answer;
  }
}
