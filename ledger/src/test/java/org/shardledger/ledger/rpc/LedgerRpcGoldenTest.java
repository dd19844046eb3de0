package org.shardledger.ledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.rpc.json.SignedReportJson;

/**
 * Golden request/response files for every JSON-RPC method of the ledger ({@code src/test/resources/rpc-golden}):
 * each file holds a request (an object, or a string sent as it is) and the exact response. The cases run in file
 * order against {@link GoldenLedger}. After a deliberate change, regenerate the responses with
 * {@code -Dshardledger.golden.write=true} and review the diff.
 */
class LedgerRpcGoldenTest {
  static final Path DIR = Path.of("src/test/resources/rpc-golden");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final boolean WRITE = Boolean.getBoolean("shardledger.golden.write");

  @TempDir
  Path db;

  /** The requests of every case; written into new files in write mode (the files are the truth afterwards). */
  static Map<String, Object> requests() {
    String a = GoldenLedger.OPERATOR_A.address().toHex();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("01-ledger_epoch", request("ledger_epoch"));
    c.put("02-ledger_getBalance", request("ledger_getBalance", a));
    c.put("03-ledger_getBalance-garbage-address", request("ledger_getBalance", "0x1234"));
    c.put("04-ledger_getPayouts", request("ledger_getPayouts", GoldenLedger.OWNER.address().toHex(), "0x0", "0x9"));
    c.put("05-ledger_getPayouts-bad-range", request("ledger_getPayouts", a, "0x9", "0x1"));
    c.put("06-ledger_getClaimProof", request("ledger_getClaimProof", a));
    c.put("07-ledger_getClaimProof-nothing-to-claim", request("ledger_getClaimProof",
        GoldenLedger.STRANGER.address().toHex()));
    c.put("08-ledger_getSettlement", request("ledger_getSettlement", "0x1"));
    c.put("09-ledger_getSettlement-covered-epoch", request("ledger_getSettlement", "0x0"));
    c.put("10-ledger_getSettlement-not-settled", request("ledger_getSettlement", "0x2"));
    c.put("11-audit_getResults", request("audit_getResults", JSON.createObjectNode().put("epoch", "0x1")));
    c.put("12-audit_getResults-by-verifier", request("audit_getResults", JSON.createObjectNode()
        .put("fromEpoch", "0x0").put("toEpoch", "0x9").put("verifier",
            GoldenLedger.VERIFIERS.get(2).address().toHex())));
    c.put("13-audit_getResults-garbage-filter", request("audit_getResults", JSON.createObjectNode()
        .put("fromEpoch", "0x0").put("toEpoch", "soon")));
    c.put("14-audit_submitReport", request("audit_submitReport", SignedReportJson.encode(
        GoldenLedger.report(0, 2, AuditOutcome.PASS, AuditOutcome.PASS))));
    c.put("15-audit_submitReport-duplicate", request("audit_submitReport", SignedReportJson.encode(
        GoldenLedger.report(0, 2, AuditOutcome.PASS, AuditOutcome.PASS))));
    ObjectNode tampered = SignedReportJson.encode(GoldenLedger.report(1, 2, AuditOutcome.PASS, AuditOutcome.PASS));
    ((ObjectNode) tampered.get("results").get(0)).put("outcome", "FAIL");
    c.put("16-audit_submitReport-results-do-not-match", request("audit_submitReport", tampered));
    c.put("17-audit_submitReport-epoch-settled", request("audit_submitReport", SignedReportJson.encode(
        GoldenLedger.report(1, 0, AuditOutcome.PASS, AuditOutcome.PASS))));
    ObjectNode garbage = SignedReportJson.encode(GoldenLedger.report(1, 2, AuditOutcome.PASS, AuditOutcome.PASS));
    ((ObjectNode) garbage.get("results").get(1)).put("outcome", "MAYBE");
    c.put("18-audit_submitReport-garbage", request("audit_submitReport", garbage));
    c.put("19-audit_getReputation", request("audit_getReputation", a));
    c.put("20-operator_get", request("operator_get", a));
    c.put("21-operator_get-unknown", request("operator_get", GoldenLedger.STRANGER.address().toHex()));
    c.put("22-deal_get", request("deal_get", "0x2"));
    c.put("23-deal_get-unknown", request("deal_get", "0x99"));
    c.put("27-deal_findByRoot", request("deal_findByRoot", GoldenLedger.DEAL_B.commitment().root().toHex()));
    c.put("28-deal_findByRoot-none-proposed", request("deal_findByRoot",
        GoldenLedger.DEAL_B.commitment().root().toHex(), "PROPOSED"));
    c.put("29-deal_findByRoot-garbage-status", request("deal_findByRoot",
        GoldenLedger.DEAL_B.commitment().root().toHex(), "SOMETIMES"));
    c.put("24-not-json", "{\"jsonrpc\":\"2.0\",\"method\":");
    c.put("25-unknown-method", request("ledger_getEverything"));
    c.put("26-missing-parameter", request("deal_get"));
    return c;
  }

  static ObjectNode request(String method, Object... params) {
    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode p = r.putArray("params");
    for (Object param : params) {
      p.add(param instanceof JsonNode n ? n : JSON.valueToTree(param));
    }
    return r;
  }

  @Test
  void everyMethodAnswersExactlyItsGoldenResponse() throws Exception {
    if (WRITE) {
      Files.createDirectories(DIR);
      for (Map.Entry<String, Object> e : requests().entrySet()) {
        Path file = DIR.resolve(e.getKey() + ".json");
        if (!Files.exists(file)) {
          ObjectNode golden = JSON.createObjectNode();
          golden.set("request", e.getValue() instanceof String s ? JSON.getNodeFactory().textNode(s)
              : (JsonNode) e.getValue());
          golden.putNull("response");
          Files.writeString(file, JSON.writeValueAsString(golden) + "\n");
        }
      }
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(DIR)) {
      files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(requests().size());
    Set<String> methodsCovered = new TreeSet<>();
    try (GoldenLedger ledger = new GoldenLedger(db)) {
      for (Path file : files) {
        ObjectNode golden = (ObjectNode) JSON.readTree(file.toFile());
        JsonNode request = golden.get("request");
        String body = request.isTextual() ? request.asText() : request.toString();
        JsonNode answer = JSON.readTree(ledger.dispatcher.handle(body));
        if (request.isObject()) {
          methodsCovered.add(request.get("method").asText());
        }
        if (WRITE) {
          golden.set("response", answer);
          Files.writeString(file, JSON.writeValueAsString(golden) + "\n");
        } else {
          assertThat(answer).as(file.getFileName().toString()).isEqualTo(golden.get("response"));
        }
      }
      assertThat(methodsCovered).containsAll(ledger.dispatcher.methodNames());
    }
    assertThat(WRITE).as("golden files were rewritten; review the diff and run again without "
        + "-Dshardledger.golden.write").isFalse();
  }
}
