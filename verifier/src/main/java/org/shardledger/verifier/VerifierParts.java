package org.shardledger.verifier;

import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.runtime.LoopRunner;
import org.shardledger.verifier.audit.AuditView;
import org.shardledger.verifier.audit.Challenger;
import org.shardledger.verifier.audit.EpochCalendar;
import org.shardledger.verifier.report.ReportSink;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.EpochReportStore;

/**
 * What a verifier is built from, made by its factory in {@code node}: the chain as the auditors read it, the
 * operators, its stores, the ledgers its reports go to, the beacon recording step and any further JSON-RPC
 * methods (settlement signing).
 *
 * @param chainId the chain the challenges are bound to
 * @param domain the EIP-712 domain its reports are signed in
 * @param recordBeacons one round of recording open epochs' beacons on chain
 */
public record VerifierParts(long chainId, Eip712Domain domain, AuditView view, EpochCalendar calendar,
    Challenger operators, AuditStore audits, EpochReportStore reports, List<ReportSink> ledgers,
    LoopRunner.Action recordBeacons, List<RpcMethod> extraMethods) {
  public VerifierParts {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(operators, "operators");
    Objects.requireNonNull(audits, "audits");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(recordBeacons, "recordBeacons");
    ledgers = List.copyOf(ledgers);
    extraMethods = List.copyOf(extraMethods);
  }
}
