package org.shardledger.ledger.reports;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.shardledger.chainstore.settlement.SettlementChain;
import org.shardledger.ledger.LedgerStatusLog;
import org.shardledger.protocol.aggregation.Aggregator;
import org.shardledger.protocol.aggregation.ReportCheck;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.crypto.Address;

/**
 * Where {@code audit_submitReport} lands. Each report is checked on arrival ({@code Aggregator.check}: signature,
 * a current verifier, results that hash to what was signed); a refused one is stored with its reason, an accepted
 * one is stored for its epoch's settlement. Sending the same report again changes nothing.
 */
public final class ReportInbox {
  /** A report for an epoch that is settled (or being settled) already: valid, but too late to count. */
  public static final String EPOCH_SETTLED = "EPOCH_SETTLED";
  /** A report for an epoch that has not started. */
  public static final String FUTURE_EPOCH = "FUTURE_EPOCH";

  /** The first epoch whose reports can still be used (the next one the ledger will propose). */
  @FunctionalInterface
  public interface OpenEpochs {
    long firstOpen() throws IOException;
  }

  private final ReceivedReports store;
  private final SettlementChain chain;
  private final Aggregator aggregator;
  private final OpenEpochs open;
  private final LongSupplier currentEpoch;
  private final LedgerStatusLog status;

  public ReportInbox(ReceivedReports store, SettlementChain chain, Aggregator aggregator, OpenEpochs open,
      LongSupplier currentEpoch, LedgerStatusLog status) {
    this.store = store;
    this.chain = chain;
    this.aggregator = aggregator;
    this.open = open;
    this.currentEpoch = currentEpoch;
    this.status = status;
  }

  public synchronized SubmitOutcome submit(SignedReport report) throws IOException {
    VerifierSet verifiers = chain.verifierSet()
        .orElseThrow(() -> new IOException("the ledger has not seen the verifier set on chain yet; try again"));
    long epoch = report.epoch();
    switch (aggregator.check(verifiers, epoch, report)) {
      case ReportCheck.Rejected r -> {
        return reject(report, r.rejection().signer(), r.rejection().reason().name(), r.rejection().detail());
      }
      case ReportCheck.Accepted a -> {
        if (epoch < open.firstOpen()) {
          return reject(report, Optional.of(a.verifier()), EPOCH_SETTLED, "epoch " + epoch
              + " is settled (or being settled) already; the report was not used");
        }
        long current = currentEpoch.getAsLong();
        if (epoch > current) {
          return reject(report, Optional.of(a.verifier()), FUTURE_EPOCH, "epoch " + epoch
              + " has not started (the chain is in epoch " + current + ")");
        }
        boolean fresh = store.storeAccepted(a.verifier(), report);
        if (fresh) {
          status.reportAccepted(a.verifier(), epoch, report.report().deals());
        }
        return new SubmitOutcome.Accepted(a.verifier(), epoch, !fresh);
      }
    }
  }

  private SubmitOutcome reject(SignedReport report, Optional<Address> signer, String reason, String detail)
      throws IOException {
    store.storeRejection(new ReportRejectionRecord(report.epoch(), signer, reason, detail,
        report.report().resultsHash(), false), report.signature());
    status.reportRejected(report.epoch(), signer.map(Address::toString).orElse("an unknown signer"), reason, detail);
    return new SubmitOutcome.Rejected(report.epoch(), signer, reason, detail);
  }
}
