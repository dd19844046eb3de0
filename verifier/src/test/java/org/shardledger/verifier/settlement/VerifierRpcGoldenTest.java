package org.shardledger.verifier.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shardledger.chainstore.settlement.InMemorySettlementChain;
import org.shardledger.chainstore.settlement.InMemorySettlementStore;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.protocol.settlement.SignSettlementRequest;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.json.SignSettlementRequestJson;
import org.shardledger.testkit.GoldenFiles;

/**
 * Golden request/response files of {@code verifier_signSettlement} ({@code src/test/resources/rpc-golden}), run
 * in file order against a verifier in a fixed state; regenerate with {@code -Dshardledger.golden.write=true}.
 */
class VerifierRpcGoldenTest {
  static final Path DIR = Path.of("src/test/resources/rpc-golden");
  static final ObjectMapper JSON = GoldenFiles.JSON;

  static Map<String, JsonNode> requests() {
    SettlementStep zero = SettlementSignerTest.step(SettlementState.genesis(), 20, List.of(
        SettlementSignerTest.audits(0, AuditOutcome.PASS, AuditOutcome.PASS, AuditOutcome.FAIL)));
    SettlementStep one = SettlementSignerTest.step(SettlementSignerTest.after(SettlementState.genesis(), zero), 20,
        List.of(SettlementSignerTest.audits(1, AuditOutcome.FAIL, AuditOutcome.FAIL)));
    SettlementStep inflated = new SettlementStep(zero.block(), zero.stakes(), zero.verifiers(), zero.audits(),
        new SettlementWithSlashes(new org.shardledger.protocol.eip712.Settlement(0, 0,
            zero.settlement().settlement().payoutRoot(), zero.settlement().settlement().cumulativeTotal().add(
            java.math.BigInteger.TEN), zero.settlement().settlement().slashesHash(),
            zero.settlement().settlement().terminationsHash()), List.of(), List.of()));
    Map<String, JsonNode> c = new LinkedHashMap<>();
    c.put("01-verifier_signSettlement-not-ready-from-epoch", request(SignSettlementRequest.of(one)));
    c.put("02-verifier_signSettlement-differs", request(SignSettlementRequest.of(inflated)));
    c.put("03-verifier_signSettlement", request(SignSettlementRequest.of(zero)));
    c.put("04-verifier_signSettlement-again", request(SignSettlementRequest.of(zero)));
    ObjectNode garbage = SignSettlementRequestJson.encode(SignSettlementRequest.of(one));
    ((ObjectNode) garbage.get("steps").get(0).get("stakes").get(0)).put("stake", "-5");
    c.put("05-verifier_signSettlement-garbage", JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1)
        .put("method", MethodName.VERIFIER_SIGN_SETTLEMENT.wire()).set("params", JSON.createArrayNode().add(garbage)));
    return c;
  }

  static JsonNode request(SignSettlementRequest r) {
    return JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1)
        .put("method", MethodName.VERIFIER_SIGN_SETTLEMENT.wire()).set("params",
            JSON.createArrayNode().add(SignSettlementRequestJson.encode(r)));
  }

  @Test
  void answersExactlyItsGoldenResponses() throws Exception {
    RpcDispatcher dispatcher = new RpcDispatcher().register(new VerifierSignSettlement(new SettlementSigner(
        new InMemorySettlementChain(SettlementSignerTest.EPOCH_LENGTH, SettlementSignerTest.SET)
            .activate(SettlementSignerTest.DEAL).stake(SettlementSignerTest.OPERATOR, SettlementSignerTest.STAKE)
            .confirmThrough(1000), new InMemorySettlementStore(), SettlementSignerTest.VERIFIERS.get(0),
        SettlementSignerTest.DOMAIN, SettlementConfig.DEFAULT)));
    GoldenFiles.check(DIR, requests(), request -> JSON.readTree(dispatcher.handle(request.toString())));
  }
}
