package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shardledger.contracts.events.ChainFields;
import org.shardledger.contracts.generated.DisputeCourt;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.proof.SegmentProof;

/** On-chain disputes: open with a bond, answer with segments and paths, finalize when unanswered. */
public final class Disputes {
  private final LedgerBinding b;
  private final Credits credits;

  Disputes(LedgerBinding binding, Credits credits) {
    this.b = binding;
    this.credits = credits;
  }

  /** Opens a dispute against an active deal (samples: 0, or the deal's count; the court fixes it); returns its id. */
  public long open(long dealId, int samples) throws IOException {
    ShardLedger.Economics economics = LedgerBinding.read(b.ledger.economics());
    credits.ensureCourtAllowance(economics.disputeBond);
    TxOutcome.Mined mined = b.sendToCourt("open a dispute against deal " + dealId,
        b.court.openDispute(BigInteger.valueOf(dealId), BigInteger.valueOf(samples)), Set.of()).mined();
    return EventLogs.first(mined, ShardLedger.DISPUTEOPENED_EVENT, b.deployment.disputeCourt())
        .map(log -> ShardLedger.getDisputeOpenedEventFromLog(log).disputeId.longValueExact())
        .orElseThrow(() -> new IOException("openDispute was mined without a DisputeOpened event"));
  }

  /** The operator's answer: the challenged segments in order, their paths sent as one flat array. */
  public TxOutcome answer(long disputeId, List<SegmentProof> samples) throws IOException {
    List<byte[]> segments = new ArrayList<>();
    List<byte[]> paths = new ArrayList<>();
    for (SegmentProof s : samples) {
      segments.add(s.segment().toArray());
      s.path().forEach(node -> paths.add(node.toArray()));
    }
    return b.sendToCourt("answer dispute " + disputeId,
        b.court.answerDispute(BigInteger.valueOf(disputeId), segments, paths), Set.of());
  }

  public TxOutcome finalizeUnanswered(long disputeId) throws IOException {
    return b.sendToCourt("finalize dispute " + disputeId, b.court.finalizeDispute(BigInteger.valueOf(disputeId)),
        Set.of(ContractError.DisputeNotOpen));
  }

  public Optional<DisputeInfo> get(long disputeId) throws IOException {
    DisputeCourt.Dispute d = LedgerBinding.read(b.court.getDispute(BigInteger.valueOf(disputeId)));
    int status = d.status.intValueExact();
    if (status == 0 || status > DisputeInfo.Status.values().length) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DisputeInfo(disputeId, ChainFields.u63(d.dealId, "dealId"),
          Address.fromHex(d.disputer), ChainFields.u63(d.beaconBlock, "beaconBlock"), ChainFields.u31(d.samples, "samples"),
          DisputeInfo.Status.values()[status - 1], d.bond));
    } catch (ChainFields.DoesNotFit e) {
      return Optional.empty();
    }
  }

  /** The segment indices the contract will check, from block beaconBlock + 1 on. */
  public List<Long> challengeIndices(long disputeId) throws IOException {
    List<?> indices = LedgerBinding.read(b.court.challengeIndices(BigInteger.valueOf(disputeId)));
    return indices.stream().map(i -> ((BigInteger) i).longValueExact()).toList();
  }

  /** The blocks after {@code beaconBlock} in which an answer is accepted. */
  public long answerWindow() throws IOException {
    return LedgerBinding.read(b.court.answerWindow()).longValueExact();
  }

  /** The most disputes against one operator that share a beacon block (the court's answer lanes). */
  public long batchLimit() throws IOException {
    return LedgerBinding.read(b.court.batchLimit()).longValueExact();
  }

  /** The dispute beacon: the hash of block beaconBlock, once that block exists. */
  public Optional<Bytes32> beacon(DisputeInfo dispute) throws IOException {
    var block = b.web3.ethGetBlockByNumber(
        org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(dispute.beaconBlock())), false)
        .send().getBlock();
    return block == null ? Optional.empty() : Optional.of(Bytes32.fromHex(block.getHash()));
  }
}
