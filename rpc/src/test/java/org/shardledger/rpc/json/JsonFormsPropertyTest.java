package org.shardledger.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.protocol.settlement.SettlementSignature;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.protocol.settlement.SignSettlementRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.payout.ClaimProof;

/** Every JSON form reads back what was written, through text, for values generated from seeds. */
class JsonFormsPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Long> seeds() {
    return Samples.seeds();
  }

  private static JsonNode throughText(JsonNode node) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(node));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void signedReportsRoundTrip(long seed) throws Exception {
    Random r = new Random(seed);
    SignedReport report = Samples.report(r, r.nextInt(1 << 20));
    Decoded<SignedReport> back = SignedReportJson.decode(throughText(SignedReportJson.encode(report)));
    assertThat(back).isEqualTo(new Decoded.Ok<>(report));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void settlementsRoundTrip(long seed) throws Exception {
    Random r = new Random(seed);
    SettlementWithSlashes s = Samples.settlement(r, r.nextInt(1000));
    assertThat(SettlementJson.decode(throughText(SettlementJson.encode(s)))).isEqualTo(new Decoded.Ok<>(s));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void signRequestsRoundTrip(long seed) throws Exception {
    Random r = new Random(seed);
    List<SettlementStep> steps = new ArrayList<>();
    long from = r.nextInt(100);
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      long to = from + r.nextInt(3);
      steps.add(Samples.step(r, from, to));
      from = to + 1;
    }
    SignSettlementRequest request = new SignSettlementRequest(steps);
    assertThat(SignSettlementRequestJson.decode(throughText(SignSettlementRequestJson.encode(request))))
        .isEqualTo(new Decoded.Ok<>(request));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void signaturesRoundTrip(long seed) throws Exception {
    Random r = new Random(seed);
    var settlement = Samples.settlement(r, r.nextInt(1000)).settlement();
    var key = Samples.KEYS.get(r.nextInt(3));
    SettlementSignature s = new SettlementSignature(settlement.epoch(), key.address(),
        Samples.DOMAIN.sign(settlement, key));
    assertThat(SettlementSignatureJson.decode(throughText(SettlementSignatureJson.encode(s))))
        .isEqualTo(new Decoded.Ok<>(s));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void claimProofsRoundTrip(long seed) throws Exception {
    ClaimProof p = Samples.claimProof(new Random(seed));
    assertThat(ClaimProofJson.decode(throughText(ClaimProofJson.encode(p)))).isEqualTo(new Decoded.Ok<>(p));
  }
}
