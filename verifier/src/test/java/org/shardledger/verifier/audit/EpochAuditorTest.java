package org.shardledger.verifier.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.verifier.audit.AuditFixture.DOMAIN;
import static org.shardledger.verifier.audit.AuditFixture.OPERATOR;
import static org.shardledger.verifier.audit.AuditFixture.VERIFIER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.runtime.DaemonThreads;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.reputation.ReputationModel;
import org.shardledger.verifier.store.AuditRecord;
import org.shardledger.verifier.store.EpochReportStore.StoredReport;

/**
 * The epoch auditor against a chain and operators in memory: when an epoch is audited, signed, or given up, and
 * that every deal gets exactly one result. Epochs of 10 blocks from block 100; beacons recordable for 256 blocks.
 */
class EpochAuditorTest {
  private static final int CONFIRMATIONS = 2;
  private static final EpochCalendar CALENDAR = new EpochCalendar() {
    @Override
    public long epochOf(long block) {
      return block < 100 ? 0 : (block - 100) / 10;
    }

    @Override
    public long startBlock(long epoch) {
      return 100 + 10 * epoch;
    }
  };

  @TempDir
  Path dir;

  private AuditFixture fixture;
  private InMemoryAuditView chain;
  private InMemoryChallenger operators;
  private InMemoryAuditLog audits;
  private InMemoryReportLog reports;
  private ExecutorService pool;
  private EpochAuditor epochs;

  @BeforeEach
  void setUp() {
    fixture = new AuditFixture(dir);
    chain = new InMemoryAuditView().register(OPERATOR.address(), "127.0.0.1:7340");
    operators = new InMemoryChallenger().serve(OPERATOR.address(), fixture::honest);
    audits = new InMemoryAuditLog(ReputationModel.STORJ_LIKE);
    reports = new InMemoryReportLog();
    pool = Executors.newFixedThreadPool(2, DaemonThreads.named("test-verify"));
    AuditSettings settings = new AuditSettings(4, 2, Duration.ofMillis(1), Duration.ofSeconds(1));
    VerifierStatusLog status = new VerifierStatusLog();
    epochs = new EpochAuditor(CALENDAR, DOMAIN, chain, audits, reports,
        new DealAuditor(operators, audits, status, AuditFixture.CHAIN_ID, settings, pool), VERIFIER, settings,
        status);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void waitsForTheBeaconWhileItCanStillBeRecorded() throws Exception {
    chain.deal(fixture.deal(1, 0, 10)).at(135, 133);
    assertThat(epochs.step()).isFalse();
    assertThat(audits.nextEpoch()).contains(3L);
    assertThat(operators.challenges()).isZero();
    assertThat(reports.unaudited(3)).isFalse();
  }

  @Test
  void anEpochWhoseBeaconCanNoLongerBeRecordedIsUnauditedAndSkipped() throws Exception {
    chain.deal(fixture.deal(1, 0, 10)).at(135, 133);
    epochs.step();
    chain.at(130 + 255 + CONFIRMATIONS, 130 + 255);
    assertThat(epochs.step()).as("block 130 + 256 can still record it").isFalse();
    assertThat(reports.unaudited(3)).isFalse();
    chain.at(130 + 256 + CONFIRMATIONS, 130 + 256);
    assertThat(epochs.step()).isTrue();
    assertThat(reports.unaudited(3)).isTrue();
    assertThat(reports.report(3)).isEmpty();
    assertThat(audits.nextEpoch()).contains(4L);
    assertThat(operators.challenges()).isZero();
  }

  @Test
  void auditsEveryActiveDealOnceAndSignsTheReportWhenTheWholeEpochIsSeen() throws Exception {
    chain.deal(fixture.deal(1, 0, 10)).deal(fixture.deal(2, 0, 10)).deal(fixture.deal(3, 4, 10))
        .beacon(3, AuditFixture.BEACON).at(135, 133);
    audits.setNextEpoch(3);
    assertThat(epochs.step()).isFalse();
    assertThat(audits.results(3)).extracting(AuditRecord::dealId).containsExactly(1L, 2L);
    assertThat(reports.report(3)).isEmpty();

    chain.at(141, 139);
    assertThat(epochs.step()).isTrue();
    assertThat(operators.challenges()).isEqualTo(2);
    assertThat(audits.nextEpoch()).contains(4L);
    StoredReport report = reports.report(3).orElseThrow();
    assertThat(report.report()).isEqualTo(AuditResults.report(3, List.of(new DealResult(1, AuditOutcome.PASS),
        new DealResult(2, AuditOutcome.PASS))));
    assertThat(DOMAIN.signer(report.report(), report.signature())).contains(VERIFIER.address());
  }

  @Test
  void aDealActivatedLateInTheEpochIsAuditedBeforeTheReportIsSigned() throws Exception {
    chain.deal(fixture.deal(1, 0, 10)).beacon(3, AuditFixture.BEACON).at(135, 133);
    audits.setNextEpoch(3);
    epochs.step();
    chain.deal(fixture.deal(2, 3, 10)).at(141, 139);
    assertThat(epochs.step()).isTrue();
    assertThat(reports.report(3).orElseThrow().report().deals()).isEqualTo(2);
    assertThat(audits.results(3)).extracting(AuditRecord::dealId).containsExactly(1L, 2L);
  }

  @Test
  void anOperatorWithoutARegistrationIsUnreachableAndNeverDialled() throws Exception {
    Address stranger = fixture.deal(9, 0, 10).owner();
    var deal = new org.shardledger.protocol.deal.Deal(9, stranger, stranger, fixture.shard.commitment(), 4,
        java.math.BigInteger.ONE, 0, 10);
    chain.deal(deal).beacon(3, AuditFixture.BEACON).at(141, 139);
    audits.setNextEpoch(3);
    assertThat(epochs.step()).isTrue();
    AuditRecord record = audits.results(3).get(0);
    assertThat(record.outcome()).isEqualTo(AuditOutcome.UNREACHABLE);
    assertThat(record.reason()).isEqualTo("NOT_REGISTERED");
    assertThat(operators.challenges()).isZero();
  }

  @Test
  void resumesWithTheDealsThatHaveNoResultYetAndCountsNothingTwice() throws Exception {
    chain.deal(fixture.deal(1, 0, 10)).deal(fixture.deal(2, 0, 10)).beacon(3, AuditFixture.BEACON).at(141, 139);
    audits.setNextEpoch(3);
    audits.recordResult(new AuditRecord(3, 1, OPERATOR.address(), AuditOutcome.FAIL, "NO_DATA", "before the crash",
        1, 5, null, null));
    assertThat(epochs.step()).isTrue();
    assertThat(operators.challenges()).isEqualTo(1);
    assertThat(audits.results(3)).extracting(AuditRecord::outcome).containsExactly(AuditOutcome.FAIL,
        AuditOutcome.PASS);
    assertThat(audits.reputation(OPERATOR.address()).audits()).isEqualTo(2);
    assertThat(reports.report(3).orElseThrow().report()).isEqualTo(AuditResults.report(3, List.of(
        new DealResult(1, AuditOutcome.FAIL), new DealResult(2, AuditOutcome.PASS))));
  }

  @Test
  void startsAtTheEpochOfTheHeadAndGoesOnInOrder() throws Exception {
    chain.deal(fixture.deal(1, 0, 10)).beacon(3, AuditFixture.BEACON).beacon(4, AuditFixture.BEACON).at(155, 153);
    assertThat(epochs.step()).isFalse();
    assertThat(audits.nextEpoch()).contains(5L);
    assertThat(reports.report(3)).isEmpty();
  }
}
