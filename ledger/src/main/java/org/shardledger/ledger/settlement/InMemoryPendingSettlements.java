package org.shardledger.ledger.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shardledger.ledger.reports.InMemoryReceivedReports;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.settlement.SettlementStep;

/** {@link PendingSettlements} in memory, over the in-memory reports it marks as used. */
public final class InMemoryPendingSettlements implements PendingSettlements {
  private final InMemoryReceivedReports reports;
  private final TreeMap<Long, SettlementStep> history = new TreeMap<>();
  private final Map<Address, Signature> signatures = new TreeMap<>();
  private SettlementStep step;
  private PendingSettlement.Status status;
  private Optional<Bytes32> tx = Optional.empty();

  public InMemoryPendingSettlements(InMemoryReceivedReports reports) {
    this.reports = reports;
  }

  @Override
  public synchronized Optional<PendingSettlement> load() {
    return step == null ? Optional.empty() : Optional.of(new PendingSettlement(step, status, signatures, tx));
  }

  @Override
  public synchronized void create(SettlementStep created) {
    if (step != null) {
      throw new IllegalStateException("epoch " + step.epoch() + " is pending already");
    }
    for (EpochAudits audits : created.audits()) {
      reports.markUsed(created.epoch(), audits.reports());
    }
    signatures.clear();
    step = created;
    status = PendingSettlement.Status.COLLECTING;
    tx = Optional.empty();
  }

  @Override
  public synchronized void addSignature(Address signer, Signature signature) {
    signatures.put(signer, signature);
  }

  @Override
  public synchronized void dropSignatures() {
    signatures.clear();
  }

  @Override
  public synchronized void status(PendingSettlement.Status next, Optional<Bytes32> sent) {
    if (step != null) {
      status = next;
      tx = sent.or(() -> tx);
    }
  }

  @Override
  public synchronized void finish() {
    if (step != null) {
      history.put(step.epoch(), step);
    }
    step = null;
    signatures.clear();
  }

  @Override
  public synchronized List<SettlementStep> history(long fromEpoch) {
    List<SettlementStep> out = new ArrayList<>();
    history.values().stream().filter(s -> s.fromEpoch() >= fromEpoch).forEach(out::add);
    return out.isEmpty() || out.getFirst().fromEpoch() != fromEpoch ? List.of() : out;
  }
}
