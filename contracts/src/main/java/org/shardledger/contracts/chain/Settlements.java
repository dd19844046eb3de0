package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;
import org.shardledger.protocol.settlement.Terminations;

/** Quorum settlement of payout roots, claims against them, and the verifier set they are checked against. */
public final class Settlements {
  private final LedgerBinding b;

  Settlements(LedgerBinding binding) {
    this.b = binding;
  }

  /**
   * Settles an epoch with the verifiers' signatures over {@code settlement} (any order: they are sorted by
   * signer, as the contract wants). "Already settled" counts as success, so a retry after a crash is harmless.
   */
  public TxOutcome settle(Settlement settlement, List<Slash> slashes, List<Long> terminations,
      List<Signature> signatures) throws IOException {
    if (!Slash.hash(slashes).equals(settlement.slashesHash())) {
      throw new IllegalArgumentException("the slashes do not match the settlement's slashesHash");
    }
    if (!Terminations.hash(terminations).equals(settlement.terminationsHash())) {
      throw new IllegalArgumentException("the terminations do not match the settlement's terminationsHash");
    }
    Map<Address, Signature> bySigner = new TreeMap<>();
    for (Signature s : signatures) {
      b.deployment.domain().signer(settlement, s).ifPresent(signer -> bySigner.put(signer, s));
    }
    List<ShardLedger.Slash> encoded = new ArrayList<>();
    for (Slash s : slashes) {
      encoded.add(new ShardLedger.Slash(s.operator().toHex(), s.amount()));
    }
    return b.sendToLedger("settle epochs " + settlement.fromEpoch() + ".." + settlement.epoch(), b.ledger.settle(
        BigInteger.valueOf(settlement.fromEpoch()), BigInteger.valueOf(settlement.epoch()),
        settlement.payoutRoot().toArray(), settlement.cumulativeTotal(), encoded,
        terminations.stream().map(BigInteger::valueOf).toList(),
        bySigner.values().stream().map(Signature::toArray).toList()), Set.of(ContractError.EpochAlreadySettled));
  }

  /** Pays {@code account} its cumulative amount minus what it claimed before; anyone may send it. */
  public TxOutcome claim(Address account, BigInteger cumulativeAmount, List<Bytes32> proof) throws IOException {
    return b.sendToLedger("claim for " + account, b.ledger.claim(account.toHex(), cumulativeAmount,
        proof.stream().map(Bytes32::toArray).toList()), Set.of(ContractError.NothingToClaim));
  }

  public BigInteger claimed(Address account) throws IOException {
    return LedgerBinding.read(b.ledger.claimed(account.toHex()));
  }

  /** 1 + the last settled epoch; 0 before the first settlement. */
  public long settledThrough() throws IOException {
    return LedgerBinding.read(b.ledger.settledThrough()).longValueExact();
  }

  public Bytes32 latestRoot() throws IOException {
    return Bytes32.of(LedgerBinding.read(b.ledger.latestRoot()));
  }

  public BigInteger cumulativeTotal() throws IOException {
    return LedgerBinding.read(b.ledger.cumulativeTotal());
  }

  public BigInteger totalEscrowed() throws IOException {
    return LedgerBinding.read(b.ledger.totalEscrowed());
  }

  public boolean isVerifier(Address account) throws IOException {
    return LedgerBinding.read(b.ledger.isVerifier(account.toHex()));
  }

  public int threshold() throws IOException {
    return LedgerBinding.read(b.ledger.threshold()).intValueExact();
  }

  /** Replaces part of the verifier set and the threshold (the signing key needs GOVERNOR_ROLE). */
  public TxOutcome updateVerifiers(List<Address> added, List<Address> removed, int threshold) throws IOException {
    return b.sendToLedger("update the verifier set", b.ledger.updateVerifiers(
        added.stream().sorted(Comparator.naturalOrder()).map(Address::toHex).toList(),
        removed.stream().map(Address::toHex).toList(), BigInteger.valueOf(threshold)), Set.of());
  }
}
