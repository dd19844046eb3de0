package org.shardledger.verifier.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shardledger.chainstore.settlement.InMemorySettlementChain;
import org.shardledger.chainstore.settlement.InMemorySettlementStore;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SignSettlementRequest;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.json.SignSettlementRequestJson;

class VerifierSignSettlementTest {
  static final ObjectMapper JSON = new ObjectMapper();

  private final RpcDispatcher dispatcher = new RpcDispatcher().register(new VerifierSignSettlement(
      new SettlementSigner(new InMemorySettlementChain(SettlementSignerTest.EPOCH_LENGTH, SettlementSignerTest.SET)
          .activate(SettlementSignerTest.DEAL).stake(SettlementSignerTest.OPERATOR, SettlementSignerTest.STAKE)
          .confirmThrough(1000), new InMemorySettlementStore(), SettlementSignerTest.VERIFIERS.get(1),
          SettlementSignerTest.DOMAIN, SettlementConfig.DEFAULT)));

  private JsonNode call(JsonNode param) throws Exception {
    return JSON.readTree(dispatcher.handle(JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1)
        .put("method", "verifier_signSettlement").set("params", JSON.createArrayNode().add(param)).toString()));
  }

  @Test
  void answersTheSignatureOrNotReadyWithTheEpochToResendFromOrInvalidParams() throws Exception {
    SettlementStep zero = SettlementSignerTest.step(SettlementState.genesis(), 20, List.of(
        SettlementSignerTest.audits(0, AuditOutcome.PASS, AuditOutcome.PASS)));
    SettlementStep one = SettlementSignerTest.step(SettlementSignerTest.after(SettlementState.genesis(), zero), 20,
        List.of(SettlementSignerTest.audits(1, AuditOutcome.PASS, AuditOutcome.PASS)));

    JsonNode notReady = call(SignSettlementRequestJson.encode(SignSettlementRequest.of(one)));
    assertThat(notReady.at("/error/code").asInt()).isEqualTo(-32002);
    assertThat(notReady.at("/error/data/fromEpoch").asText()).isEqualTo("0x0");

    JsonNode signed = call(SignSettlementRequestJson.encode(SignSettlementRequest.of(zero)));
    assertThat(signed.at("/result/epoch").asText()).isEqualTo("0x0");
    assertThat(signed.at("/result/signer").asText())
        .isEqualTo(SettlementSignerTest.VERIFIERS.get(1).address().toString());

    JsonNode garbage = call(JSON.createObjectNode().put("steps", "all of them"));
    assertThat(garbage.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(garbage.at("/error/message").asText())
        .isEqualTo("parameter 0 at steps: expected an array, got string \"all of them\"");
  }
}
