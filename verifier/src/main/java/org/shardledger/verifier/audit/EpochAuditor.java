package org.shardledger.verifier.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.ChainMirror.MirroredBeacon;
import org.shardledger.chainstore.ChainMirror.MirroredDeal;
import org.shardledger.chainstore.ChainMirror.MirroredOperator;
import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.store.AuditRecord;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.ReportStore;

/**
 * Works through the epochs in order. An epoch is audited once its beacon is recorded and buried (the mirror only
 * holds confirmed events): every active deal gets exactly one result. The epoch's {@code AuditReport} is signed
 * when the mirror has seen the whole epoch, so a deal activated late in its first epoch is audited too. An epoch whose beacon can no longer be recorded (256 blocks passed) is unaudited. Killed
 * half way, it resumes with the deals that have no result yet.
 */
public final class EpochAuditor {

  /** What the auditor reads of the chain beyond the mirror: the head. */
  public interface ChainView {
    long blockNumber() throws IOException;
  }

  private final Deployment deployment;
  private final ChainMirror mirror;
  private final ChainView chain;
  private final AuditStore audits;
  private final ReportStore reports;
  private final DealAuditor auditor;
  private final KeyPair key;
  private final int confirmations;
  private final AuditSettings settings;
  private final VerifierStatusLog status;

  public EpochAuditor(Deployment deployment, ChainMirror mirror, ChainView chain, AuditStore audits,
      ReportStore reports, DealAuditor auditor, KeyPair key, int confirmations, AuditSettings settings,
      VerifierStatusLog status) {
    this.deployment = deployment;
    this.mirror = mirror;
    this.chain = chain;
    this.audits = audits;
    this.reports = reports;
    this.auditor = auditor;
    this.key = key;
    this.confirmations = confirmations;
    this.settings = settings;
    this.status = status;
  }

  /** Does what can be done now; returns true if it finished an epoch (call again at once). */
  public boolean step() throws IOException, InterruptedException {
    long head = chain.blockNumber();
    long epoch = audits.nextEpoch().orElse(deployment.epochOf(head));
    Optional<MirroredBeacon> beacon = mirror.beacon(epoch);
    if (beacon.isEmpty()) {
      if (head > deployment.epochStartBlock(epoch) + BeaconRecorder.WINDOW + confirmations) {
        reports.saveUnaudited(epoch);
        status.epochUnaudited(epoch);
        audits.setNextEpoch(epoch + 1);
        return true;
      }
      audits.setNextEpoch(epoch);
      return false;
    }
    boolean complete = mirror.mirroredThrough() >= deployment.epochStartBlock(epoch + 1) - 1;
    List<MirroredDeal> deals = mirror.activeDeals(epoch);
    auditDeals(beacon.get(), deals);
    if (!complete) {
      // a deal may still be activated during its first epoch: sign once the mirror has seen the whole epoch
      audits.setNextEpoch(epoch);
      return false;
    }
    sign(epoch, mirror.activeDeals(epoch).size());
    audits.setNextEpoch(epoch + 1);
    return true;
  }

  private void auditDeals(MirroredBeacon beacon, List<MirroredDeal> deals) throws IOException, InterruptedException {
    long epoch = beacon.epoch();
    Set<Long> done = audits.auditedDeals(epoch);
    if (done.size() < deals.size()) {
      status.auditing(epoch, deals.size(), done.size());
    }
    Semaphore slots = new Semaphore(settings.concurrency());
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (MirroredDeal deal : deals) {
      if (done.contains(deal.deal().id())) {
        continue;
      }
      slots.acquire();
      Optional<MirroredOperator> operator = mirror.operator(deal.deal().operator());
      CompletableFuture<AuditRecord> result = operator.isPresent()
          ? auditor.audit(deal, operator.get(), beacon)
          : CompletableFuture.completedFuture(new AuditRecord(epoch, deal.deal().id(), deal.deal().operator(),
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
    Signature signature = deployment.domain().sign(report, key);
    reports.save(report, signature);
    status.reportSigned(epoch, count(results, AuditOutcome.PASS), count(results, AuditOutcome.FAIL),
        count(results, AuditOutcome.UNREACHABLE));
  }

  private static long count(List<AuditRecord> results, AuditOutcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
