package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.shardledger.chainstore.ChainMirror.MirroredSettlement;
import org.shardledger.chainstore.settlement.BeaconStatus;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.chainstore.settlement.SettlementChain;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.chainstore.settlement.SettlementTx;
import org.shardledger.ledger.LedgerStatusLog;
import org.shardledger.ledger.records.LedgerRecords;
import org.shardledger.ledger.reports.ReceivedReports;
import org.shardledger.protocol.aggregation.Disagreement;
import org.shardledger.protocol.aggregation.EpochAggregate;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.settlement.DealState;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;

/**
 * Settles epochs, one settlement at a time, so that each lands on chain exactly once. Every step of the way is
 * written down before the next begins (H2, and the chain facade's transaction journal), so a crash anywhere resumes
 * where it stopped:
 * <ol>
 *   <li>propose: from the confirmed chain (the mirror) and the reports received, compute the settlement of the
 *       ready epochs and make it pending, its reports frozen;</li>
 *   <li>collect: ask the verifiers to sign until t valid signatures are in;</li>
 *   <li>submit: send {@code settle} unless the chain already has the epoch ({@code AlreadyDone} counts);</li>
 *   <li>confirm: once the mirror shows the settlement (buried under the confirmation depth) and it is ours, record
 *       it (settlement, amounts, entries, disagreements) and start on the next. If it vanished from the chain (a
 *       reorg), send it again: the signatures stay valid.</li>
 * </ol>
 * The state only advances with a confirmed settlement. {@link #tick()} does one step and never blocks for long.
 */
public final class Settler implements AutoCloseable {
  private final SettlementChain view;
  private final LedgerChain chain;
  private final SettlementStore store;
  private final PendingSettlements pending;
  private final ReceivedReports reports;
  private final LedgerRecords records;
  private final SignatureCollector collector;
  private final EpochReadiness readiness;
  private final SettlementRules rules;
  private final LedgerStatusLog status;
  private Computed computed;

  private record Computed(long fromEpoch, SettlementStep step, SettlementResult result, Map<Long, Deal> deals) {}

  public Settler(SettlementChain view, LedgerChain chain, LedgerStores stores, List<VerifierClient> verifiers,
      Eip712Domain domain, SettlementConfig config, long reportDeadlineBlocks, LedgerStatusLog status) {
    this.view = view;
    this.chain = chain;
    this.store = stores.settlements();
    this.pending = stores.pending();
    this.reports = stores.reports();
    this.records = stores.records();
    this.rules = new SettlementRules(config, domain);
    this.status = status;
    this.readiness = new EpochReadiness(view, reports, reportDeadlineBlocks, 1024);
    this.collector = new SignatureCollector(verifiers, domain, pending::history, status);
  }

  /** The settlement being worked on, if any. */
  public Optional<PendingSettlement> pending() throws IOException {
    return pending.load();
  }

  /** Does the next step towards settling; see the class comment. */
  public synchronized Progress tick() throws IOException {
    SettlementState state = store.current();
    Optional<PendingSettlement> current = pending.load();
    if (current.isPresent() && store.settled(current.get().epoch()).isPresent()) {
      finish(current.get());
      return Progress.CONFIRMED;
    }
    if (current.isEmpty()) {
      OptionalLong target = readiness.target(state);
      if (target.isEmpty()) {
        return Progress.IDLE;
      }
      propose(state, target.getAsLong());
      return Progress.PROPOSED;
    }
    PendingSettlement p = current.get();
    return switch (p.status()) {
      case COLLECTING -> collect(p);
      case SIGNED -> submit(p);
      case SUBMITTED -> confirm(state, p);
    };
  }

  private void propose(SettlementState state, long epoch) throws IOException {
    long block = view.confirmedBlock();
    VerifierSet set = view.verifierSet().orElseThrow(() -> new IOException("no verifier set on chain yet"));
    List<Deal> deals = view.activatedDealsThrough(epoch);
    Map<Address, BigInteger> stakes = new HashMap<>();
    for (Address operator : state.operatorsToStake(deals)) {
      stakes.put(operator, view.stakeAt(operator, block));
    }
    List<EpochAudits> audits = new ArrayList<>();
    for (long e = state.nextEpoch(); e <= epoch; e++) {
      audits.add(new EpochAudits(e, view.beacon(e) == BeaconStatus.RECORDED, reports.unused(e)));
    }
    SettlementResult result = rules.settle(state, new SettlementInput(epoch, deals, stakes, set, audits,
        view.endedDealsBefore(epoch)));
    SettlementStep step = new SettlementStep(block, stakes, set, audits,
        new SettlementWithSlashes(result.settlement(), result.slashes(), result.terminations()));
    pending.create(step);
    computed = new Computed(state.nextEpoch(), step, result, dealsById(state, deals));
    status.proposed(step.fromEpoch(), epoch, result.settlement(), result.slashes().size());
  }

  private Computed compute(SettlementState state, SettlementStep step) throws IOException {
    if (computed != null && computed.fromEpoch() == state.nextEpoch() && computed.step().equals(step)) {
      return computed;
    }
    List<Deal> deals = view.activatedDealsThrough(step.epoch());
    SettlementResult result = rules.settle(state, new SettlementInput(step.epoch(), deals, step.stakes(),
        step.verifiers(), step.audits(), view.endedDealsBefore(step.epoch())));
    if (!result.settlement().equals(step.settlement().settlement())) {
      throw new IllegalStateException("recomputing the pending settlement of epoch " + step.epoch() + " gives "
          + result.settlement() + ", not the stored " + step.settlement().settlement());
    }
    computed = new Computed(state.nextEpoch(), step, result, dealsById(state, deals));
    return computed;
  }

  private Progress collect(PendingSettlement p) throws IOException {
    VerifierSet set = view.verifierSet().orElse(p.step().verifiers());
    Map<Address, Signature> have = new HashMap<>(p.signatures());
    have.keySet().retainAll(set.members());
    Map<Address, Signature> fresh = collector.collect(p.step(), set, Set.copyOf(have.keySet()));
    for (Map.Entry<Address, Signature> s : fresh.entrySet()) {
      pending.addSignature(s.getKey(), s.getValue());
      have.put(s.getKey(), s.getValue());
      status.signed(p.epoch(), s.getKey(), have.size(), set.threshold());
    }
    if (have.size() < set.threshold()) {
      return Progress.SIGNING;
    }
    pending.status(PendingSettlement.Status.SIGNED, Optional.empty());
    return Progress.SIGNED;
  }

  private Progress submit(PendingSettlement p) throws IOException {
    if (chain.settledThrough() > p.epoch()) {
      status.alreadySettled(p.epoch());
      pending.status(PendingSettlement.Status.SUBMITTED, Optional.empty());
      return Progress.SUBMITTED;
    }
    SettlementWithSlashes s = p.step().settlement();
    SettleOutcome outcome = chain.settle(s.settlement(), s.slashes(), s.terminations(), List.copyOf(p.signatures().values()));
    switch (outcome) {
      case SettleOutcome.Sent m -> {
        status.submitted(p.epoch(), m.hash());
        pending.status(PendingSettlement.Status.SUBMITTED, Optional.of(m.hash()));
      }
      case SettleOutcome.AlreadySettled a -> {
        status.alreadySettled(p.epoch());
        pending.status(PendingSettlement.Status.SUBMITTED, Optional.empty());
      }
      case SettleOutcome.Refused r -> {
        status.settleRefused(p.epoch(), r.reason());
        if (r.signaturesAtFault()) {
          pending.dropSignatures();
          pending.status(PendingSettlement.Status.COLLECTING, Optional.empty());
          return Progress.SIGNING;
        }
        return Progress.STUCK;
      }
    }
    return Progress.SUBMITTED;
  }

  private Progress confirm(SettlementState state, PendingSettlement p) throws IOException {
    Optional<MirroredSettlement> landed = view.settlement(p.epoch());
    if (landed.isEmpty()) {
      if (chain.settledThrough() <= p.epoch()) {
        status.vanished(p.epoch());
        pending.status(PendingSettlement.Status.SIGNED, Optional.empty());
        return Progress.SIGNING;
      }
      return Progress.WAITING;
    }
    if (!landed.get().settlement().equals(p.step().settlement().settlement())) {
      status.conflict(p.epoch(), p.step().settlement().settlement().payoutRoot(),
          landed.get().settlement().payoutRoot());
      return Progress.STUCK;
    }
    Computed c = compute(state, p.step());
    SettlementResult result = c.result();
    records.record(result, c.deals());
    for (EpochAggregate aggregate : result.audits()) {
      Map<Address, Integer> byVerifier = new java.util.TreeMap<>();
      for (Disagreement d : aggregate.disagreements()) {
        byVerifier.merge(d.verifier(), 1, Integer::sum);
      }
      status.disagreements(aggregate.epoch(), byVerifier);
    }
    SettlementTx tx = new SettlementTx(landed.get().transactionHash(), landed.get().block());
    store.record(new SettledEpoch(p.step().fromEpoch(), result.settlement(), result.slashes(), result.terminations(), result.held(),
        result.payoutTree().size(), p.signatures(), Optional.of(tx)), state, result.state());
    finish(p);
    status.confirmed(p.step().fromEpoch(), p.epoch(), result.settlement().payoutRoot(), tx.hash(),
        result.payoutTree().size());
    return Progress.CONFIRMED;
  }

  private void finish(PendingSettlement p) throws IOException {
    pending.finish();
    computed = null;
  }

  private static Map<Long, Deal> dealsById(SettlementState state, List<Deal> deals) {
    Map<Long, Deal> out = new HashMap<>();
    for (DealState d : state.deals()) {
      out.put(d.deal().id(), d.deal());
    }
    deals.forEach(d -> out.put(d.id(), d));
    return out;
  }

  @Override
  public void close() {
    collector.close();
  }
}
