package org.shardledger.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.chainstore.Database;
import org.shardledger.ledger.reports.InMemoryReceivedReports;
import org.shardledger.ledger.reports.ReceivedReports;
import org.shardledger.ledger.reports.ReportRejectionRecord;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.testkit.TestDomain;

/** The in-memory received reports answer as the H2 ones do, so the core's tests over the twin mean something. */
class ReceivedReportsTwinTest {
  private static final KeyPair V1 = KeyPair.fromPrivateKey(BigInteger.valueOf(0x2001));
  private static final KeyPair V2 = KeyPair.fromPrivateKey(BigInteger.valueOf(0x2002));

  @TempDir
  Path dir;

  private static SignedReport report(KeyPair key, long epoch, AuditOutcome outcome) {
    List<DealResult> results = List.of(new DealResult(1, outcome), new DealResult(2, AuditOutcome.PASS));
    AuditReport report = AuditResults.report(epoch, results);
    return new SignedReport(report, TestDomain.DOMAIN.sign(report, key), results);
  }

  /** What a store answers after the same arrivals: fresh flags, unused, reporters, rejections. */
  private static List<Object> answers(ReceivedReports store) throws Exception {
    SignedReport a = report(V1, 3, AuditOutcome.PASS);
    SignedReport b = report(V2, 3, AuditOutcome.FAIL);
    SignedReport later = report(V1, 4, AuditOutcome.UNREACHABLE);
    boolean first = store.storeAccepted(V1.address(), a);
    boolean again = store.storeAccepted(V1.address(), a);
    store.storeAccepted(V2.address(), b);
    store.storeAccepted(V1.address(), later);
    ReportRejectionRecord late = new ReportRejectionRecord(2, Optional.of(V2.address()), "EPOCH_SETTLED",
        "x".repeat(3000), b.report().resultsHash(), false);
    store.storeRejection(late, b.signature());
    store.storeRejection(late, b.signature());
    store.storeRejection(new ReportRejectionRecord(9, Optional.empty(), "FUTURE_EPOCH", "soon",
        a.report().resultsHash(), false), a.signature());
    return List.of(first, again, store.unused(3), store.unused(4), store.unused(5), store.reporters(3),
        store.reporters(5), store.rejections(0, 8, 10), store.rejections(0, 100, 1), store.rejections(0, 100, 10));
  }

  @Test
  void theTwinAnswersAsTheDatabaseDoes() throws Exception {
    List<Object> inMemory = answers(new InMemoryReceivedReports());
    try (Database db = Database.open(dir, "ledger")) {
      List<Object> h2 = answers(H2LedgerStores.open(db).reports());
      assertThat(inMemory).isEqualTo(h2);
    }
    assertThat(inMemory.get(0)).as("the first arrival is fresh").isEqualTo(true);
    assertThat(inMemory.get(1)).as("the same report again is not").isEqualTo(false);
    assertThat((List<?>) inMemory.get(2)).hasSize(2);
    @SuppressWarnings("unchecked")
    List<ReportRejectionRecord> rejected = (List<ReportRejectionRecord>) inMemory.get(7);
    assertThat(rejected).as("once per report and reason").hasSize(1);
    assertThat(rejected.getFirst().detail()).as("a long detail is cut").hasSize(2000);
  }
}
