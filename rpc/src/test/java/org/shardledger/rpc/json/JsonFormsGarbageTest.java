package org.shardledger.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.protocol.settlement.SignSettlementRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;

/** Garbage decodes to {@link Decoded.Invalid} naming the place and the problem, never to an exception. */
class JsonFormsGarbageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode report() {
    return SignedReportJson.encode(Samples.report(new Random(7), 42));
  }

  private static Decoded.Invalid<?> invalidReport(Consumer<ObjectNode> spoil) {
    ObjectNode node = report();
    spoil.accept(node);
    Decoded<?> d = SignedReportJson.decode(node);
    assertThat(d).isInstanceOf(Decoded.Invalid.class);
    return (Decoded.Invalid<?>) d;
  }

  @Test
  void aClaimProofOfMoreThan64HashesOrWithABadHashIsRefusedBeforeAnythingIsSent() {
    ObjectNode proof = ClaimProofJson.encode(Samples.claimProof(new Random(11)));
    ArrayNode path = proof.putArray("proof");
    for (int i = 0; i <= ClaimProofJson.MAX_PROOF; i++) {
      path.add("0x" + "ab".repeat(32));
    }
    assertThat(((Decoded.Invalid<?>) ClaimProofJson.decode(proof)).message())
        .isEqualTo("proof: at most 64 elements, got 65");
    path.removeAll().add("0x" + "ab".repeat(31));
    assertThat(((Decoded.Invalid<?>) ClaimProofJson.decode(proof)).path()).isEqualTo("proof[0]");
    proof.remove("cumulativeAmount");
    assertThat(((Decoded.Invalid<?>) ClaimProofJson.decode(proof)).message()).isEqualTo("cumulativeAmount: missing");
  }

  @Test
  void namesTheFieldThatIsMissing() {
    assertThat(invalidReport(n -> n.remove("signature")).message()).isEqualTo("signature: missing");
  }

  @Test
  void namesTheElementWithAnUnknownOutcome() {
    Decoded.Invalid<?> bad = invalidReport(n -> ((ObjectNode) n.get("results").get(1)).put("outcome", "MAYBE"));
    assertThat(bad.path()).isEqualTo("results[1].outcome");
    assertThat(bad.problem()).isEqualTo("expected one of PASS, FAIL, UNREACHABLE, got \"MAYBE\"");
  }

  @Test
  void rejectsNegativeAndOversizedQuantitiesAndDecimalStrings() {
    assertThat(invalidReport(n -> n.put("epoch", -1)).message()).startsWith("epoch: not a uint256");
    assertThat(invalidReport(n -> n.put("epoch", "0x" + "f".repeat(17))).message())
        .startsWith("epoch: quantity too large");
    assertThat(invalidReport(n -> n.put("epoch", "12")).message())
        .isEqualTo("epoch: expected a quantity (0x hex), got string \"12\"");
    assertThat(invalidReport(n -> n.put("deals", "0x100000000")).message()).contains("uint32");
  }

  @Test
  void rejectsBadSignaturesAndHashes() {
    assertThat(invalidReport(n -> n.put("signature", "0x1234")).message())
        .isEqualTo("signature: a signature has 65 bytes (r, s, v), got 2");
    assertThat(invalidReport(n -> n.put("resultsHash", "0xzz")).path()).isEqualTo("resultsHash");
    assertThat(invalidReport(n -> n.put("results", "none")).message())
        .isEqualTo("results: expected an array, got string \"none\"");
  }

  @Test
  void rejectsSlashesThatDoNotHashToTheSlashesHash() {
    ObjectNode node = SettlementJson.encode(Samples.settlement(new Random(3), 5));
    ((ArrayNode) node.get("slashes")).addObject().put("operator", "0x" + "11".repeat(20)).put("amount", "0x5");
    Decoded<SettlementWithSlashes> d = SettlementJson.decode(node);
    assertThat(d).isInstanceOf(Decoded.Invalid.class);
    assertThat(((Decoded.Invalid<?>) d).problem()).contains("is not the hash of the");
  }

  @Test
  void rejectsAStepWhoseAuditsHaveAGapOrDoNotEndAtItsEpoch() {
    ObjectNode step = SettlementStepJson.encode(Samples.step(new Random(5), 3, 5));
    ((ArrayNode) step.get("audits")).remove(1);
    assertThat(((Decoded.Invalid<?>) SettlementStepJson.decode(step)).problem())
        .isEqualTo("audits must cover consecutive epochs, epoch 5 follows 3");
    ObjectNode other = SettlementStepJson.encode(Samples.step(new Random(5), 3, 5));
    ((ObjectNode) other.get("settlement")).put("epoch", "0x9");
    assertThat(((Decoded.Invalid<?>) SettlementStepJson.decode(other)).problem())
        .isEqualTo("the audits end at epoch 5, the settlement is for epoch 9");
  }

  @Test
  void invalidBecomesAnInvalidParamsAnswerNamingTheParameter() {
    Decoded<?> bad = SignSettlementRequestJson.decode(JSON.createObjectNode().put("steps", 5));
    assertThatThrownBy(() -> bad.orInvalidParams(0)).isInstanceOf(RpcException.class)
        .hasMessage("parameter 0 at steps: expected an array, got number 5")
        .satisfies(e -> assertThat(((RpcException) e).error()).isEqualTo(RpcError.INVALID_PARAMS));
  }

  static Stream<Long> seeds() {
    return Samples.seeds();
  }

  /** Any document with one random leaf replaced by a random JSON value decodes or is Invalid: never throws. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomCorruptionNeverThrows(long seed) {
    Random r = new Random(seed);
    ObjectNode request = SignSettlementRequestJson.encode(SignSettlementRequest.of(Samples.step(r, 2, 3)));
    for (int i = 0; i < 3; i++) {
      corrupt(request, r);
    }
    for (Function<JsonNode, Decoded<?>> decoder : java.util.List.<Function<JsonNode, Decoded<?>>>of(
        SignSettlementRequestJson::decode, SettlementStepJson::decode, SignedReportJson::decode,
        SettlementJson::decode, SettlementSignatureJson::decode)) {
      assertThat(decoder.apply(request)).isNotNull();
      assertThat(decoder.apply(JSON.getNodeFactory().textNode("x"))).isInstanceOf(Decoded.Invalid.class);
      assertThat(decoder.apply(null)).isInstanceOf(Decoded.Invalid.class);
    }
  }

  private static void corrupt(JsonNode node, Random r) {
    JsonNode parent = node;
    while (true) {
      if (parent.isObject() && !parent.isEmpty()) {
        var names = new java.util.ArrayList<String>();
        parent.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        JsonNode child = parent.get(name);
        if (child.isContainerNode() && !child.isEmpty() && r.nextInt(4) != 0) {
          parent = child;
          continue;
        }
        ((ObjectNode) parent).set(name, garbage(r));
        return;
      }
      if (parent.isArray() && !parent.isEmpty()) {
        int i = r.nextInt(parent.size());
        JsonNode child = parent.get(i);
        if (child.isContainerNode() && !child.isEmpty() && r.nextInt(4) != 0) {
          parent = child;
          continue;
        }
        ((ArrayNode) parent).set(i, garbage(r));
        return;
      }
      return;
    }
  }

  private static JsonNode garbage(Random r) {
    var f = JSON.getNodeFactory();
    return switch (r.nextInt(9)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(r.nextLong());
      case 2 -> f.textNode("0x" + Long.toHexString(r.nextLong()));
      case 3 -> f.textNode("garbage");
      case 4 -> f.booleanNode(r.nextBoolean());
      case 5 -> f.arrayNode().add(1);
      case 6 -> f.objectNode().put("x", 1);
      case 7 -> f.numberNode(r.nextDouble());
      default -> f.textNode("0x" + "ab".repeat(r.nextInt(70)));
    };
  }
}
