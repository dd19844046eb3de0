package org.shardledger.ledger.reports;

import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

/**
 * A report that did not count, as the ledger shows it: refused on arrival, or left out when the epoch was
 * aggregated ({@code atSettlement}).
 *
 * @param reason a {@code RejectionReason} name, or the ledger's own {@code EPOCH_SETTLED} / {@code FUTURE_EPOCH}
 */
public record ReportRejectionRecord(long epoch, Optional<Address> signer, String reason, String detail,
    Bytes32 resultsHash, boolean atSettlement) {
  public ReportRejectionRecord {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(resultsHash, "resultsHash");
  }
}
