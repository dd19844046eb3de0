package org.shardledger.protocol.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.protocol.aggregation.Reports.DOMAIN;
import static org.shardledger.protocol.aggregation.Reports.OUTSIDER;
import static org.shardledger.protocol.aggregation.Reports.TWO_OF_THREE;
import static org.shardledger.protocol.aggregation.Reports.V1;
import static org.shardledger.protocol.aggregation.Reports.V2;
import static org.shardledger.protocol.aggregation.Reports.V3;
import static org.shardledger.protocol.audit.AuditOutcome.FAIL;
import static org.shardledger.protocol.audit.AuditOutcome.PASS;
import static org.shardledger.protocol.audit.AuditOutcome.UNREACHABLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.eip712.AuditReport;

class AggregatorTest {
  private final Aggregator aggregator = new Aggregator(DOMAIN);

  private EpochAggregate aggregate(SignedReport... reports) {
    return aggregator.aggregate(TWO_OF_THREE, EpochAudits.of(5, List.of(reports)));
  }

  @Test
  void twoOfThreeDecidesEachDeal() {
    EpochAggregate a = aggregate(
        Reports.signed(V1, 5, Map.of(1L, PASS, 2L, FAIL, 3L, UNREACHABLE, 4L, PASS)),
        Reports.signed(V2, 5, Map.of(1L, PASS, 2L, FAIL, 3L, PASS, 4L, FAIL)),
        Reports.signed(V3, 5, Map.of(1L, UNREACHABLE, 2L, FAIL, 3L, UNREACHABLE, 4L, UNREACHABLE)));
    assertThat(a.verdict(1)).isEqualTo(new DealVerdict(PASS, VerdictBasis.AUDITED, 2, 0, 1));
    assertThat(a.verdict(2)).isEqualTo(new DealVerdict(FAIL, VerdictBasis.AUDITED, 0, 3, 0));
    assertThat(a.verdict(3)).isEqualTo(new DealVerdict(UNREACHABLE, VerdictBasis.AUDITED, 1, 0, 2));
    assertThat(a.verdict(4).outcome()).isEqualTo(UNREACHABLE);
    assertThat(a.verdict(99)).isEqualTo(new DealVerdict(UNREACHABLE, VerdictBasis.AUDITED, 0, 0, 0));
    assertThat(a.countedVerifiers()).hasSize(3);
  }

  @Test
  void anOfflineVerifierLeavesTheOtherTwoToDecide() {
    EpochAggregate a = aggregate(Reports.signed(V1, 5, PASS, 1, 2), Reports.signed(V3, 5, PASS, 1, 2));
    assertThat(a.verdict(1).outcome()).isEqualTo(PASS);
    assertThat(a.verdict(2).outcome()).isEqualTo(PASS);
    assertThat(a.disagreements()).isEmpty();
  }

  @Test
  void aLyingVerifierIsOutvotedAndRecordedAsDisagreeing() {
    EpochAggregate a = aggregate(Reports.signed(V1, 5, PASS, 1, 2), Reports.signed(V2, 5, PASS, 1, 2),
        Reports.signed(V3, 5, FAIL, 1, 2));
    assertThat(a.verdict(1).outcome()).isEqualTo(PASS);
    assertThat(a.disagreements()).containsExactly(new Disagreement(1, V3.address(), FAIL, PASS),
        new Disagreement(2, V3.address(), FAIL, PASS));
  }

  @Test
  void reportsWithBadSignaturesOrFromOutsidersDoNotCount() {
    SignedReport honest = Reports.signed(V1, 5, PASS, 1);
    SignedReport lie = Reports.signed(V2, 5, FAIL, 1);
    // V3's name on a report signed by nobody in the set: the signature is over a different report.
    SignedReport forged = new SignedReport(lie.report(), honest.signature(), lie.results());
    SignedReport outsider = Reports.signed(OUTSIDER, 5, FAIL, 1);
    EpochAggregate a = aggregate(forged, outsider, Reports.signed(V3, 5, FAIL, 1));
    assertThat(a.verdict(1)).isEqualTo(new DealVerdict(UNREACHABLE, VerdictBasis.AUDITED, 0, 1, 0));
    assertThat(a.rejections()).extracting(ReportRejection::reason)
        .containsExactlyInAnyOrder(RejectionReason.NOT_A_VERIFIER, RejectionReason.NOT_A_VERIFIER);
    assertThat(a.countedVerifiers()).containsExactly(V3.address());
  }

  @Test
  void resultsThatDoNotMatchWhatWasSignedAreRejected() {
    SignedReport signed = Reports.signed(V1, 5, Map.of(1L, PASS, 2L, PASS));
    SignedReport swapped = new SignedReport(signed.report(), signed.signature(),
        List.of(new DealResult(1, FAIL), new DealResult(2, PASS)));
    SignedReport shorter = new SignedReport(signed.report(), signed.signature(), List.of(new DealResult(1, PASS)));
    List<DealResult> twice = List.of(new DealResult(1, PASS), new DealResult(1, PASS));
    AuditReport twiceReport = new AuditReport(5, Bytes32.ZERO, 2);
    SignedReport duplicated = new SignedReport(twiceReport, DOMAIN.sign(twiceReport, V2), twice);
    SignedReport otherEpoch = Reports.signed(V3, 6, PASS, 1);

    assertThat(aggregator.check(TWO_OF_THREE, 5, swapped)).isInstanceOfSatisfying(ReportCheck.Rejected.class,
        r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.RESULTS_HASH_MISMATCH));
    assertThat(aggregator.check(TWO_OF_THREE, 5, shorter)).isInstanceOfSatisfying(ReportCheck.Rejected.class,
        r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.DEAL_COUNT_MISMATCH));
    assertThat(aggregator.check(TWO_OF_THREE, 5, duplicated)).isInstanceOfSatisfying(ReportCheck.Rejected.class,
        r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.DUPLICATE_DEAL_RESULT));
    assertThat(aggregator.check(TWO_OF_THREE, 5, otherEpoch)).isInstanceOfSatisfying(ReportCheck.Rejected.class,
        r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.WRONG_EPOCH));
    assertThat(aggregator.check(TWO_OF_THREE, 5, signed))
        .isEqualTo(new ReportCheck.Accepted(V1.address(), signed));
  }

  @Test
  void aVerifierCountsOnceAndAnEquivocatingOneNotAtAll() {
    SignedReport pass = Reports.signed(V1, 5, PASS, 1);
    EpochAggregate copies = aggregate(pass, pass, Reports.signed(V2, 5, FAIL, 1));
    assertThat(copies.verdict(1)).isEqualTo(new DealVerdict(UNREACHABLE, VerdictBasis.AUDITED, 1, 1, 0));
    assertThat(copies.rejections()).extracting(ReportRejection::reason)
        .containsExactly(RejectionReason.DUPLICATE_REPORT);

    EpochAggregate twoFaced = aggregate(pass, Reports.signed(V1, 5, FAIL, 1), Reports.signed(V2, 5, FAIL, 1));
    assertThat(twoFaced.verdict(1)).isEqualTo(new DealVerdict(UNREACHABLE, VerdictBasis.AUDITED, 0, 1, 0));
    assertThat(twoFaced.countedVerifiers()).containsExactly(V2.address());
    assertThat(twoFaced.rejections()).extracting(ReportRejection::reason)
        .containsExactly(RejectionReason.EQUIVOCATION, RejectionReason.EQUIVOCATION);
  }

  @Test
  void anEpochWithoutBeaconPassesEveryDealAndRejectsItsReports() {
    EpochAggregate a = aggregator.aggregate(TWO_OF_THREE,
        new EpochAudits(5, false, List.of(Reports.signed(V1, 5, FAIL, 1), Reports.signed(V2, 5, FAIL, 1))));
    assertThat(a.audited()).isFalse();
    assertThat(a.verdict(1)).isEqualTo(DealVerdict.BEACON_MISSING);
    assertThat(a.verdict(1).outcome()).isEqualTo(PASS);
    assertThat(a.rejections()).extracting(ReportRejection::reason).containsOnly(RejectionReason.UNAUDITED_EPOCH);
  }

  @Test
  void withALowThresholdPassIsCheckedFirst() {
    VerifierSet oneOfThree = new VerifierSet(TWO_OF_THREE.members(), 1);
    EpochAggregate a = aggregator.aggregate(oneOfThree,
        EpochAudits.of(5, List.of(Reports.signed(V1, 5, FAIL, 1), Reports.signed(V2, 5, PASS, 1))));
    assertThat(a.verdict(1).outcome()).isEqualTo(PASS);
  }

  @Test
  void theOrderOfReportsDoesNotMatter() {
    List<SignedReport> reports = new ArrayList<>(List.of(
        Reports.signed(V1, 5, Map.of(1L, PASS, 2L, FAIL, 7L, UNREACHABLE)),
        Reports.signed(V1, 5, Map.of(1L, PASS, 2L, FAIL, 7L, UNREACHABLE)),
        Reports.signed(V2, 5, Map.of(1L, FAIL, 3L, FAIL)),
        Reports.signed(V2, 5, Map.of(1L, PASS, 3L, FAIL)),
        Reports.signed(V3, 5, Map.of(2L, FAIL, 3L, PASS, 7L, PASS)),
        Reports.signed(OUTSIDER, 5, Map.of(2L, FAIL))));
    EpochAggregate reference = aggregate(reports.toArray(SignedReport[]::new));
    Random random = new Random(1);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(reports, random);
      EpochAggregate a = aggregate(reports.toArray(SignedReport[]::new));
      assertThat(a.rejections()).isEqualTo(reference.rejections());
      assertThat(a.disagreements()).isEqualTo(reference.disagreements());
      assertThat(a.countedVerifiers()).isEqualTo(reference.countedVerifiers());
      for (long deal = 0; deal < 9; deal++) {
        assertThat(a.verdict(deal)).isEqualTo(reference.verdict(deal));
      }
    }
  }
}
