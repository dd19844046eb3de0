package org.shardledger.verifier;

import org.shardledger.protocol.crypto.Address;
import org.shardledger.verifier.reputation.ReputationChange;
import org.shardledger.verifier.store.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a verifier's operator (and the operators it audits) should notice, one named method per event. */
public class VerifierStatusLog {
  private static final Logger LOG = LoggerFactory.getLogger("shardledger.verifier");
  private final VerifierMetrics metrics;

  public VerifierStatusLog() {
    this(VerifierMetrics.NONE);
  }

  /** A status log that also hands each countable event to {@code metrics}. */
  public VerifierStatusLog(VerifierMetrics metrics) {
    this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
  }

  public void auditing(long epoch, int deals, int alreadyDone) {
    LOG.info("epoch {}: auditing {} deals ({} already recorded)", epoch, deals - alreadyDone, alreadyDone);
  }

  public void auditRecorded(AuditRecord r) {
    metrics.audited(r.outcome(), r.reason(), r.latencyMillis());
    switch (r.outcome()) {
      case PASS -> LOG.debug("epoch {} deal {} ({}): PASS in {} ms", r.epoch(), r.dealId(), r.operator(),
          r.latencyMillis());
      case FAIL -> LOG.warn("epoch {} deal {} ({}): FAIL — {}: {}", r.epoch(), r.dealId(), r.operator(), r.reason(),
          r.detail());
      case UNREACHABLE -> LOG.warn("epoch {} deal {} ({}): UNREACHABLE after {} attempts — {}: {}", r.epoch(),
          r.dealId(), r.operator(), r.attempts(), r.reason(), r.detail());
    }
  }

  public void attemptFailed(long epoch, long dealId, Address operator, int attempt, String reason) {
    LOG.info("epoch {} deal {} ({}): attempt {} got no usable answer ({}); retrying", epoch, dealId, operator,
        attempt, reason);
  }

  public void standingChanged(ReputationChange change) {
    LOG.warn("operator {}: standing {} -> {} ({})", change.operator(), change.standingBefore(),
        change.standingAfter(), change.describe());
  }

  public void reportSigned(long epoch, long passes, long fails, long unreachable) {
    metrics.reportSigned(epoch);
    LOG.info("epoch {}: report signed: {} PASS, {} FAIL, {} UNREACHABLE", epoch, passes, fails, unreachable);
  }

  public void epochUnaudited(long epoch) {
    LOG.warn("epoch {}: its beacon was never recorded; the epoch is unaudited and pays as PASS", epoch);
  }

  public void reportDelivered(long epoch, String ledger) {
    metrics.reportDelivered(true);
    LOG.info("epoch {}: report delivered to {}", epoch, ledger);
  }

  public void reportDeliveryFailed(long epoch, String ledger, String why) {
    metrics.reportDelivered(false);
    LOG.warn("epoch {}: could not deliver the report to {} ({}); will retry", epoch, ledger, why);
  }

  public void beaconRecorded(long epoch) {
    LOG.info("epoch {}: recorded its beacon on chain", epoch);
  }

  public void problem(String what, Throwable e) {
    LOG.warn("{}: {}", what, e.toString());
  }
}
