package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.shardledger.contracts.events.ChainFields.u31;
import static org.shardledger.contracts.events.ChainFields.u63;
import org.shardledger.contracts.events.ChainFields;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.merkle.ShardCommitment;

/** Deals: propose (escrowing the whole price), activate with the operator's signature, cancel, read. */
public final class Deals {
  /** Most deals one proposeBatch or activateBatch takes: the contract's MAX_BATCH. */
  public static final int MAX_BATCH = 64;

  private final LedgerBinding b;
  private final Credits credits;

  Deals(LedgerBinding binding, Credits credits) {
    this.b = binding;
    this.credits = credits;
  }

  /** Proposes a deal from the signing account (approving the ledger for the escrow first); returns its id. */
  public long propose(Address operator, ShardCommitment commitment, int samples, BigInteger pricePerEpoch,
      long firstEpoch, long lastEpoch) throws IOException {
    BigInteger escrow = new ProposalTerms(operator, commitment, samples, pricePerEpoch, firstEpoch, lastEpoch)
        .escrow();
    credits.ensureLedgerAllowance(escrow);
    TxOutcome.Mined mined = b.sendToLedger("propose a deal with " + operator, b.ledger.propose(operator.toHex(),
        commitment.root().toArray(), BigInteger.valueOf(commitment.size()),
        BigInteger.valueOf(commitment.segmentSize()), BigInteger.valueOf(samples), pricePerEpoch,
        BigInteger.valueOf(firstEpoch), BigInteger.valueOf(lastEpoch)), Set.of()).mined();
    return EventLogs.first(mined, ShardLedger.DEALPROPOSED_EVENT, b.deployment.ledger())
        .map(log -> ShardLedger.getDealProposedEventFromLog(log).dealId.longValueExact())
        .orElseThrow(() -> new IOException("propose was mined without a DealProposed event"));
  }

  /**
   * Proposes up to {@link #MAX_BATCH} deals in one transaction (all or none), approving the ledger for their whole
   * escrow first; returns their ids in the order of {@code proposals}.
   */
  public List<Long> proposeBatch(List<ProposalTerms> proposals) throws IOException {
    checkBatch(proposals.size());
    BigInteger escrow = proposals.stream().map(ProposalTerms::escrow).reduce(BigInteger.ZERO, BigInteger::add);
    credits.ensureLedgerAllowance(escrow);
    List<ShardLedger.DealTerms> terms = proposals.stream().map(p -> new ShardLedger.DealTerms(p.operator().toHex(),
        p.commitment().root().toArray(), BigInteger.valueOf(p.commitment().size()),
        BigInteger.valueOf(p.commitment().segmentSize()), BigInteger.valueOf(p.samples()), p.pricePerEpoch(),
        BigInteger.valueOf(p.firstEpoch()), BigInteger.valueOf(p.lastEpoch()))).toList();
    TxOutcome.Mined mined = b.sendToLedger("propose " + proposals.size() + " deals", b.ledger.proposeBatch(terms),
        Set.of()).mined();
    List<Long> ids = EventLogs.all(mined, ShardLedger.DEALPROPOSED_EVENT, b.deployment.ledger()).stream()
        .map(log -> ShardLedger.getDealProposedEventFromLog(log).dealId.longValueExact()).toList();
    if (ids.size() != proposals.size()) {
      throw new IOException("proposeBatch of " + proposals.size() + " deals was mined with " + ids.size()
          + " DealProposed events");
    }
    return ids;
  }

  /** Activates up to {@link #MAX_BATCH} proposals in one transaction (all or none), each with its acceptance. */
  public TxOutcome activateBatch(Map<Long, Signature> acceptances) throws IOException {
    checkBatch(acceptances.size());
    List<BigInteger> ids = new ArrayList<>();
    List<byte[]> signatures = new ArrayList<>();
    acceptances.forEach((id, sig) -> {
      ids.add(BigInteger.valueOf(id));
      signatures.add(sig.toArray());
    });
    return b.sendToLedger("activate " + ids.size() + " deals", b.ledger.activateBatch(ids, signatures), Set.of());
  }

  private static void checkBatch(int size) {
    if (size < 1 || size > MAX_BATCH) {
      throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " deals, not " + size);
    }
  }

  public TxOutcome activate(long dealId, Signature operatorAcceptance) throws IOException {
    return b.sendToLedger("activate deal " + dealId,
        b.ledger.activate(BigInteger.valueOf(dealId), operatorAcceptance.toArray()), Set.of());
  }

  public TxOutcome cancel(long dealId) throws IOException {
    return b.sendToLedger("cancel deal " + dealId, b.ledger.cancel(BigInteger.valueOf(dealId)), Set.of());
  }

  public long count() throws IOException {
    return LedgerBinding.read(b.ledger.dealCount()).longValueExact();
  }

  /** The deal, or empty if no deal has that id or its terms do not fit the node's types (see {@link #lookup}). */
  public Optional<DealRecord> get(long dealId) throws IOException {
    return lookup(dealId) instanceof DealLookup.Found found ? Optional.of(found.record()) : Optional.empty();
  }

  /** The deal as the chain has it, range-checked: found, absent, or unusable (with what did not fit). */
  public DealLookup lookup(long dealId) throws IOException {
    ShardLedger.Deal d = LedgerBinding.read(b.ledger.getDeal(BigInteger.valueOf(dealId)));
    int status = d.status.intValueExact();
    if (status == 0) {
      return new DealLookup.Absent();
    }
    DealStatus s = switch (status) {
      case 1 -> DealStatus.PROPOSED;
      case 2 -> DealStatus.ACTIVE;
      case 3 -> DealStatus.CANCELLED;
      case 4 -> DealStatus.ENDED;
      default -> throw new IOException("unknown deal status " + status + " on chain");
    };
    try {
      Deal deal = new Deal(dealId, Address.fromHex(d.owner), Address.fromHex(d.operator),
          new ShardCommitment(Bytes32.of(d.root), u63(d.size, "size"), u31(d.segmentSize, "segmentSize")),
          u31(d.samples, "samples"), d.pricePerEpoch, u63(d.firstEpoch, "firstEpoch"),
          u63(d.lastEpoch, "lastEpoch"));
      long openDispute = u63(LedgerBinding.read(b.court.openDisputeOf(BigInteger.valueOf(dealId))), "openDispute");
      return new DealLookup.Found(new DealRecord(deal, s, openDispute, u63(d.endEpoch, "endEpoch")));
    } catch (ChainFields.DoesNotFit | IllegalArgumentException e) {
      return new DealLookup.Unusable(dealId, e.getMessage());
    }
  }

  /**
   * The owner ends an active deal: paid through the current epoch, the rest refunded to the owner through the
   * payout tree.
   */
  public TxOutcome end(long dealId) throws IOException {
    return b.sendToLedger("end deal " + dealId, b.ledger.endDeal(BigInteger.valueOf(dealId)), Set.of());
  }

  /** Closes an active deal whose period is over and settled (anyone may). */
  public TxOutcome close(long dealId) throws IOException {
    return b.sendToLedger("close deal " + dealId, b.ledger.closeDeal(BigInteger.valueOf(dealId)), Set.of());
  }
}
