package org.shardledger.verifier.audit;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.verifier.store.EpochReportStore.StoredReport;

/** Signed reports and unaudited epochs in memory. */
public final class InMemoryReportLog implements ReportLog {
  private final Map<Long, StoredReport> signed = new ConcurrentHashMap<>();
  private final Set<Long> unaudited = ConcurrentHashMap.newKeySet();

  @Override
  public void save(AuditReport report, Signature signature) {
    signed.put(report.epoch(), new StoredReport(report, signature));
  }

  @Override
  public void saveUnaudited(long epoch) {
    unaudited.add(epoch);
  }

  @Override
  public Optional<StoredReport> report(long epoch) {
    return Optional.ofNullable(signed.get(epoch));
  }

  public boolean unaudited(long epoch) {
    return unaudited.contains(epoch);
  }
}
