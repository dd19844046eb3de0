package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
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
  private final LedgerBinding b;
  private final Credits credits;

  Deals(LedgerBinding binding, Credits credits) {
    this.b = binding;
    this.credits = credits;
  }

  /** Proposes a deal from the signing account (approving the ledger for the escrow first); returns its id. */
  public long propose(Address operator, ShardCommitment commitment, int samples, BigInteger pricePerEpoch,
      long firstEpoch, long lastEpoch) throws IOException {
    BigInteger escrow = pricePerEpoch.multiply(BigInteger.valueOf(lastEpoch).subtract(BigInteger.valueOf(firstEpoch))
        .add(BigInteger.ONE));
    credits.ensureLedgerAllowance(escrow);
    TxOutcome.Mined mined = b.sendToLedger("propose a deal with " + operator, b.ledger.propose(operator.toHex(),
        commitment.root().toArray(), BigInteger.valueOf(commitment.size()),
        BigInteger.valueOf(commitment.segmentSize()), BigInteger.valueOf(samples), pricePerEpoch,
        BigInteger.valueOf(firstEpoch), BigInteger.valueOf(lastEpoch)), Set.of()).mined();
    return EventLogs.first(mined, ShardLedger.DEALPROPOSED_EVENT, b.deployment.ledger())
        .map(log -> ShardLedger.getDealProposedEventFromLog(log).dealId.longValueExact())
        .orElseThrow(() -> new IOException("propose was mined without a DealProposed event"));
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
