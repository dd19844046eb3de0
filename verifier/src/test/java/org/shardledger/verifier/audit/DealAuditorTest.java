package org.shardledger.verifier.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.verifier.audit.AuditFixture.OPERATOR;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.runtime.DaemonThreads;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.reputation.ReputationModel;
import org.shardledger.verifier.store.AuditRecord;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.Failure;
import org.shardledger.wire.message.ErrorCode;

/** The deal auditor against operators in memory: what each kind of answer is recorded as, and the retries. */
class DealAuditorTest {
  private static final OperatorEndpoint ENDPOINT = new OperatorEndpoint(OPERATOR.address(), "127.0.0.1:7340");
  private static final EpochBeacon EPOCH_5 = new EpochBeacon(5, AuditFixture.BEACON);

  @TempDir
  Path dir;

  private AuditFixture fixture;
  private Deal deal;
  private InMemoryChallenger operators;
  private InMemoryAuditLog log;
  private ExecutorService pool;
  private DealAuditor auditor;

  @BeforeEach
  void setUp() {
    fixture = new AuditFixture(dir);
    deal = fixture.deal(1, 0, 10);
    operators = new InMemoryChallenger();
    log = new InMemoryAuditLog(ReputationModel.STORJ_LIKE);
    pool = Executors.newFixedThreadPool(2, DaemonThreads.named("test-verify"));
    auditor = new DealAuditor(operators, log, new VerifierStatusLog(), AuditFixture.CHAIN_ID,
        new AuditSettings(4, 3, Duration.ofMillis(1), Duration.ofSeconds(1)), pool);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  private AuditRecord audit() {
    return auditor.audit(deal, ENDPOINT, EPOCH_5).orTimeout(10, TimeUnit.SECONDS).join();
  }

  @Test
  void aProofThatVerifiesIsPassAtTheFirstTry() {
    operators.serve(OPERATOR.address(), fixture::honest);
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.PASS);
    assertThat(record.reason()).isEqualTo("VALID");
    assertThat(record.detail()).isEqualTo("4 samples verified");
    assertThat(record.attempts()).isEqualTo(1);
    assertThat(record.epoch()).isEqualTo(5);
    assertThat(record.proofHash()).isNotNull();
    assertThat(record.operatorSignature()).isNotNull();
    assertThat(operators.challenges()).isEqualTo(1);
  }

  @Test
  void aSignedProofOfOtherBytesIsFailAtOnceWithItsReason() {
    operators.serve(OPERATOR.address(), fixture::corrupt);
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.FAIL);
    assertThat(record.reason()).isNotIn("VALID", "MALFORMED_PROOF", "NO_DATA");
    assertThat(record.attempts()).isEqualTo(1);
    assertThat(operators.challenges()).isEqualTo(1);
  }

  @Test
  void signedBytesThatAreNotAProofAreFailMalformed() {
    operators.serve(OPERATOR.address(), (d, e) -> fixture.signed(d, e, new byte[] {1, 2, 3}));
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.FAIL);
    assertThat(record.reason()).isEqualTo("MALFORMED_PROOF");
    assertThat(record.proofHash()).isNotNull();
  }

  @Test
  void aProofForAnotherEpochIsFail() {
    operators.serve(OPERATOR.address(), (d, e) -> fixture.honest(d, e - 1));
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.FAIL);
    assertThat(record.reason()).isEqualTo("WRONG_EPOCH");
  }

  @Test
  void aSignedNoDataIsFail() {
    operators.serve(OPERATOR.address(), fixture::noData);
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.FAIL);
    assertThat(record.reason()).isEqualTo("NO_DATA");
    assertThat(record.attempts()).isEqualTo(1);
  }

  @Test
  void silenceIsTriedEveryTimeThenUnreachableNeverFail() {
    operators.serve(OPERATOR.address(), (d, e) -> new Failure.TimedOut(Duration.ofSeconds(1)));
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.UNREACHABLE);
    assertThat(record.reason()).isEqualTo("TIMEOUT");
    assertThat(record.detail()).endsWith("(after 3 tries)");
    assertThat(record.attempts()).isEqualTo(3);
    assertThat(record.proofHash()).isNull();
    assertThat(operators.challenges()).isEqualTo(3);
    assertThat(log.attempts()).extracting(InMemoryAuditLog.Attempt::attempt).containsExactly(1, 2, 3);
    assertThat(log.attempts()).allMatch(a -> a.outcome() == AuditOutcome.UNREACHABLE && a.reason().equals("TIMEOUT"));
  }

  @Test
  void aRefusalThenAProofIsPassAtTheSecondTry() {
    List<Integer> calls = new ArrayList<>();
    operators.serve(OPERATOR.address(), (d, e) -> {
      calls.add(1);
      return calls.size() == 1 ? new Failure.Garbled("half a frame") : fixture.honest(d, e);
    });
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.PASS);
    assertThat(record.attempts()).isEqualTo(2);
    assertThat(log.attempts()).extracting(InMemoryAuditLog.Attempt::reason).containsExactly("GARBLED");
  }

  @Test
  void anOperatorNobodyServesIsUnreachable() {
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.UNREACHABLE);
    assertThat(record.reason()).isEqualTo("UNREACHABLE");
  }

  @Test
  void anEndpointThatIsNotHostPortIsUnreachableWithoutDialling() {
    operators.serve(OPERATOR.address(), fixture::honest);
    for (String endpoint : List.of("no-port", "host:", ":7340", "host:99999", "host:x")) {
      AuditRecord record = auditor.audit(deal, new OperatorEndpoint(OPERATOR.address(), endpoint), EPOCH_5)
          .orTimeout(10, TimeUnit.SECONDS).join();
      assertThat(record.outcome()).as(endpoint).isEqualTo(AuditOutcome.UNREACHABLE);
      assertThat(record.reason()).as(endpoint).isEqualTo("BAD_ENDPOINT");
    }
    assertThat(operators.challenges()).isZero();
  }

  @Test
  void closingClosesTheOperatorConnections() {
    auditor.close();
    assertThat(operators.closed()).isTrue();
  }

  @Test
  void anUnsignedRefusalIsRetriedThenUnreachable() {
    ChallengeResult rejected = new Failure.Rejected(ErrorCode.values()[0], "busy");
    operators.serve(OPERATOR.address(), (d, e) -> rejected);
    AuditRecord record = audit();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.UNREACHABLE);
    assertThat(record.reason()).isEqualTo("REFUSED");
    assertThat(record.attempts()).isEqualTo(3);
  }
}
