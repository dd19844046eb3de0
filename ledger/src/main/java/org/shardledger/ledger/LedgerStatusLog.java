package org.shardledger.ledger;

import java.time.Duration;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.eip712.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a ledger's operator should notice, one named method per event, so that the messages are consistent
 * and easy to find.
 */
public final class LedgerStatusLog {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerStatusLog.class);
  private final LedgerMetrics metrics;

  public LedgerStatusLog() {
    this(LedgerMetrics.NONE);
  }

  /** A status log that also hands each countable event to {@code metrics}. */
  public LedgerStatusLog(LedgerMetrics metrics) {
    this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
  }

  /** An exception's message, or its kind when it has none (a refused connection). */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  public void started(long nextEpoch, long settledThroughOnChain, String rpc) {
    LOG.info("ledger started: next epoch to settle {}, {}; JSON-RPC on {}", nextEpoch, settledThroughOnChain == 0
        ? "nothing settled on chain yet" : "the chain has settled through epoch " + (settledThroughOnChain - 1), rpc);
  }

  public void reportAccepted(Address verifier, long epoch, long deals) {
    metrics.reportAccepted();
    LOG.info("report of {} for epoch {} accepted ({} deals)", verifier, epoch, deals);
  }

  public void reportRejected(long epoch, String signer, String reason, String detail) {
    metrics.reportRejected(reason);
    LOG.warn("report for epoch {} from {} rejected: {}: {}", epoch, signer, reason, detail);
  }

  /** Per epoch, how many deals each verifier reported otherwise than the verdict (details: audit_getResults). */
  public void disagreements(long epoch, java.util.Map<Address, Integer> byVerifier) {
    byVerifier.forEach((verifier, deals) -> LOG.warn("epoch {}: verifier {} disagreed with the verifiers' verdict on "
        + "{} deal(s) (audit_getResults with \"verifier\" lists them)", epoch, verifier, deals));
  }

  public void proposed(long fromEpoch, long epoch, Settlement s, int slashes) {
    LOG.info("settlement of epochs {}..{} computed: payout root {}, cumulative total {}, {} slashes", fromEpoch, epoch,
        s.payoutRoot(), s.cumulativeTotal(), slashes);
  }

  public void signed(long epoch, Address verifier, int have, int threshold) {
    LOG.info("settlement of epoch {} signed by {} ({} of {} needed)", epoch, verifier, have, threshold);
  }

  public void verifierRefused(long epoch, String verifier, String reason) {
    metrics.signatureMissing("refused");
    LOG.warn("verifier {} refused to sign the settlement of epoch {}: {}", verifier, epoch, reason);
  }

  public void verifierNotReady(long epoch, String verifier, String reason) {
    metrics.signatureMissing("not_ready");
    LOG.info("verifier {} is not ready to sign the settlement of epoch {}: {}", verifier, epoch, reason);
  }

  public void verifierUnreachable(String verifier, String reason) {
    metrics.signatureMissing("unreachable");
    LOG.warn("verifier {} unreachable: {}", verifier, reason);
  }

  public void submitted(long epoch, Bytes32 tx) {
    LOG.info("settlement of epoch {} sent in transaction {}", epoch, tx);
  }

  public void alreadySettled(long epoch) {
    LOG.info("epoch {} is settled on chain already (a retry after a crash or an outage); waiting for confirmation",
        epoch);
  }

  public void settleRefused(long epoch, String reason) {
    LOG.error("the chain refused the settlement of epoch {}: {}", epoch, reason);
  }

  public void vanished(long epoch) {
    LOG.warn("the settlement of epoch {} is no longer on chain (a reorg); sending it again", epoch);
  }

  public void confirmed(long fromEpoch, long epoch, Bytes32 root, Bytes32 tx, int accounts) {
    metrics.settled(fromEpoch, epoch);
    LOG.info("settled epochs {}..{} on chain: payout root {} in transaction {}; {} accounts can claim", fromEpoch,
        epoch, root, tx, accounts);
  }

  public void conflict(long epoch, Bytes32 ours, Bytes32 onChain) {
    LOG.error("epoch {} was settled on chain with payout root {}, not ours ({}): another ledger settled it "
        + "differently; settlement stops until this is resolved", epoch, onChain, ours);
  }

  public void beaconRecorded(long epoch) {
    LOG.info("recorded the beacon of epoch {}", epoch);
  }

  public void chainUnavailable(String what, Duration retryIn) {
    LOG.warn("{} (retrying in {} ms)", what, retryIn.toMillis());
  }

  public void stateBehindChain(long nextEpoch, long settledThrough) {
    LOG.warn("the chain has settled through epoch {} but this ledger's records stop before epoch {}: settlements "
        + "made elsewhere are not in this database", settledThrough - 1, nextEpoch);
  }
}
