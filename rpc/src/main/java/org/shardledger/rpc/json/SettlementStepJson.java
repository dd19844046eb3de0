package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;

/**
 * A {@link SettlementStep} as JSON (docs/rpc.md, "SettlementStep"):
 * <pre>{"block":"0x1a4",
 *  "stakes":[{"operator":"0x…","stake":"0x…"}],
 *  "verifiers":{"members":["0x…","0x…","0x…"],"threshold":"0x2"},
 *  "audits":[{"epoch":"0x4","beaconRecorded":true,"reports":[SignedReport…]}],
 *  "settlement":Settlement}</pre>
 */
public final class SettlementStepJson {
  public static final int MAX_EPOCHS = 4096;
  public static final int MAX_REPORTS_PER_EPOCH = 256;
  public static final int MAX_OPERATORS = 1 << 20;

  private SettlementStepJson() {}

  public static ObjectNode encode(SettlementStep step) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("block", Hex.quantity(step.block()));
    ArrayNode stakes = node.putArray("stakes");
    step.stakes().forEach((operator, stake) ->
        stakes.addObject().put("operator", operator.toString()).put("stake", Hex.quantity(stake)));
    ObjectNode verifiers = node.putObject("verifiers");
    ArrayNode members = verifiers.putArray("members");
    new TreeSet<>(step.verifiers().members()).forEach(v -> members.add(v.toString()));
    verifiers.put("threshold", Hex.quantity(step.verifiers().threshold()));
    ArrayNode audits = node.putArray("audits");
    for (EpochAudits epoch : step.audits()) {
      ObjectNode a = audits.addObject().put("epoch", Hex.quantity(epoch.epoch()))
          .put("beaconRecorded", epoch.beaconRecorded());
      ArrayNode reports = a.putArray("reports");
      epoch.reports().forEach(r -> reports.add(SignedReportJson.encode(r)));
    }
    node.set("settlement", SettlementJson.encode(step.settlement()));
    return node;
  }

  public static Decoded<SettlementStep> decode(JsonNode node) {
    return Decoded.of(SettlementStepJson::read, node);
  }

  static SettlementStep read(JsonReader in) {
    long block = in.field("block").quantity();
    Map<Address, BigInteger> stakes = new HashMap<>();
    for (JsonReader s : in.field("stakes").elements(MAX_OPERATORS)) {
      if (stakes.put(s.field("operator").address(), s.field("stake").bigQuantity()) != null) {
        throw s.problem("operator listed twice");
      }
    }
    JsonReader v = in.field("verifiers");
    List<Address> members = v.field("members").list(1024, JsonReader::address);
    VerifierSet verifiers = v.read(() -> {
      if (new TreeSet<>(members).size() != members.size()) {
        throw new IllegalArgumentException("a verifier is listed twice");
      }
      return new VerifierSet(new TreeSet<>(members), (int) Math.min(Integer.MAX_VALUE, v.field("threshold").quantity()));
    });
    List<EpochAudits> audits = in.field("audits").list(MAX_EPOCHS, a -> {
      long epoch = a.field("epoch").quantity();
      boolean beacon = a.field("beaconRecorded").bool();
      List<SignedReport> reports = a.field("reports").list(MAX_REPORTS_PER_EPOCH, SignedReportJson::read);
      return a.read(() -> new EpochAudits(epoch, beacon, reports));
    });
    SettlementWithSlashes settlement = SettlementJson.read(in.field("settlement"));
    return in.read(() -> new SettlementStep(block, stakes, verifiers, audits, settlement));
  }
}
