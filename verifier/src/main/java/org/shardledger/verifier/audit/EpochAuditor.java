package org.shardledger.verifier.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.beacon.BeaconWindow;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.store.AuditRecord;

/**
 * Works through the epochs in order. An epoch is audited once its beacon is recorded and buried (the view only
 * holds confirmed events): every active deal gets exactly one result. The epoch's {@code AuditReport} is signed
 * when the view has seen the whole epoch, so a deal activated late in its first epoch is audited too. An epoch
 * whose beacon can no longer be recorded (the view has seen its whole {@code BeaconWindow}) is unaudited. Killed
 * half way, it resumes with the deals that have no result yet. Chain-free: the chain comes in through
 * {@link AuditView} and {@link EpochCalendar}, operators through {@link Challenger}.
 */
public final class EpochAuditor {

  private final EpochCalendar calendar;
  private final Eip712Domain domain;
  private final AuditView chain;
  private final AuditLog audits;
  private final ReportLog reports;
  private final DealAuditor auditor;
  private final KeyPair key;
  private final AuditSettings settings;
  private final VerifierStatusLog status;

  public EpochAuditor(EpochCalendar calendar, Eip712Domain domain, AuditView chain, AuditLog audits,
      ReportLog reports, DealAuditor auditor, KeyPair key, AuditSettings settings,
      VerifierStatusLog status) {
    this.calendar = calendar;
    this.domain = domain;
    this.chain = chain;
    this.audits = audits;
    this.reports = reports;
    this.auditor = auditor;
    this.key = key;
    this.settings = settings;
    this.status = status;
  }

  /** Does what can be done now; returns true if it finished an epoch (call again at once). */
  public boolean step() throws IOException, InterruptedException {
    long head = chain.headBlock();
    long epoch = audits.nextEpoch().orElse(calendar.epochOf(head));
    Optional<EpochBeacon> beacon = chain.beacon(epoch);
    if (beacon.isEmpty()) {
      if (BeaconWindow.closed(calendar.startBlock(epoch), chain.confirmedThrough())) {
        reports.saveUnaudited(epoch);
        status.epochUnaudited(epoch);
        audits.setNextEpoch(epoch + 1);
        return true;
      }
      audits.setNextEpoch(epoch);
      return false;
    }
    boolean complete = chain.confirmedThrough() >= calendar.startBlock(epoch + 1) - 1;
    List<Deal> deals = chain.dealsToAudit(epoch);
    auditDeals(beacon.get(), deals);
    if (!complete) {
      // a deal may still be activated during its first epoch: sign once the view has seen the whole epoch
      audits.setNextEpoch(epoch);
      return false;
    }
    sign(epoch, chain.dealsToAudit(epoch).size());
    audits.setNextEpoch(epoch + 1);
    return true;
  }

  private void auditDeals(EpochBeacon beacon, List<Deal> deals) throws IOException, InterruptedException {
    long epoch = beacon.epoch();
    Set<Long> done = audits.auditedDeals(epoch);
    if (done.size() < deals.size()) {
      status.auditing(epoch, deals.size(), done.size());
    }
    Semaphore slots = new Semaphore(settings.concurrency());
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (Deal deal : deals) {
      if (done.contains(deal.id())) {
        continue;
      }
      slots.acquire();
      Optional<OperatorEndpoint> operator = chain.operator(deal.operator());
      CompletableFuture<AuditRecord> result = operator.isPresent()
          ? auditor.audit(deal, operator.get(), beacon)
          : CompletableFuture.completedFuture(new AuditRecord(epoch, deal.id(), deal.operator(),
              AuditOutcome.UNREACHABLE, "NOT_REGISTERED", "the operator has no registration on chain", 0, 0, null,
              null));
      running.add(result.thenAccept(this::record).whenComplete((r, e) -> slots.release()));
    }
    for (CompletableFuture<Void> f : running) {
      try {
        f.join();
      } catch (RuntimeException e) {
        status.problem("an audit of epoch " + epoch, e);
      }
    }
  }

  private void record(AuditRecord record) {
    try {
      audits.recordResult(record).ifPresent(change -> {
        status.auditRecorded(record);
        if (change.standingBefore() != change.standingAfter()) {
          status.standingChanged(change);
        }
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Signs the epoch's report once every active deal has its result. */
  private void sign(long epoch, int expected) throws IOException {
    if (reports.report(epoch).isPresent()) {
      return;
    }
    List<AuditRecord> results = audits.results(epoch);
    if (results.size() < expected) {
      throw new IOException("epoch " + epoch + ": " + (expected - results.size()) + " deals still lack a result");
    }
    List<DealResult> dealResults = results.stream().map(r -> new DealResult(r.dealId(), r.outcome())).toList();
    AuditReport report = AuditResults.report(epoch, dealResults);
    Signature signature = domain.sign(report, key);
    reports.save(report, signature);
    status.reportSigned(epoch, count(results, AuditOutcome.PASS), count(results, AuditOutcome.FAIL),
        count(results, AuditOutcome.UNREACHABLE));
  }

  private static long count(List<AuditRecord> results, AuditOutcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
