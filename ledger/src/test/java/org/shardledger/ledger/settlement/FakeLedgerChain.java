package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.shardledger.chainstore.settlement.InMemorySettlementChain;
import org.shardledger.contracts.tx.DecodedRevert;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.ledger.onchain.FacadeLedgerChain;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;

/**
 * The ledger contract's settle rules in memory, behind an unreliable RPC: a call may fail before it reaches the
 * chain, or after the chain applied it (the answer is lost). Landed settlements become visible (confirmed) in the
 * in-memory chain view at once, and their slashes come out of the stakes.
 */
final class FakeLedgerChain implements LedgerChain {
  private final InMemorySettlementChain view;
  private final Eip712Domain domain;
  private final VerifierSet verifiers;
  private final Map<Address, BigInteger> stakes;
  private final Random random;
  private final double failureRate;
  final Map<Long, Settlement> landed = new HashMap<>();
  final Set<Long> sentAfterLanding = new HashSet<>();
  int settleTransactions;
  private long settledThrough;
  private BigInteger cumulativeTotal = BigInteger.ZERO;

  FakeLedgerChain(InMemorySettlementChain view, Eip712Domain domain, VerifierSet verifiers,
      Map<Address, BigInteger> stakes, Random random, double failureRate) {
    this.view = view;
    this.domain = domain;
    this.verifiers = verifiers;
    this.stakes = stakes;
    this.random = random;
    this.failureRate = failureRate;
  }

  private void maybeFail(String when) throws IOException {
    if (random.nextDouble() < failureRate) {
      throw new IOException("the RPC went away " + when);
    }
  }

  @Override
  public long headBlock() throws IOException {
    maybeFail("reading the head");
    return view.confirmedBlock() + 2;
  }

  @Override
  public long settledThrough() throws IOException {
    maybeFail("reading settledThrough");
    return settledThrough;
  }

  /** Answers as the chain facade's transaction would, read as the real adapter reads it. */
  @Override
  public SettleOutcome settle(Settlement s, List<Slash> slashes, List<Long> terminations,
      List<Signature> signatures) throws IOException {
    return FacadeLedgerChain.outcome(transact(s, slashes, terminations, signatures));
  }

  private TxOutcome transact(Settlement s, List<Slash> slashes, List<Long> terminations, List<Signature> signatures)
      throws IOException {
    maybeFail("before sending");
    if (s.epoch() < settledThrough) {
      sentAfterLanding.add(s.epoch());
      return new TxOutcome.AlreadyDone(new DecodedRevert("EpochAlreadySettled", List.of(s.epoch()), "0x"));
    }
    if (s.fromEpoch() != settledThrough) {
      return new TxOutcome.Reverted(new DecodedRevert("WrongFromEpoch", List.of(s.fromEpoch(), settledThrough), "0x"),
          null);
    }
    Set<Address> signers = new HashSet<>();
    signatures.forEach(sig -> domain.signer(s, sig).filter(verifiers::contains).ifPresent(signers::add));
    if (signers.size() < verifiers.threshold()) {
      return new TxOutcome.Reverted(new DecodedRevert("InsufficientSignatures", List.of(), "0x"), null);
    }
    if (s.cumulativeTotal().compareTo(cumulativeTotal) < 0 || !Slash.hash(slashes).equals(s.slashesHash())) {
      return new TxOutcome.Reverted(new DecodedRevert("CumulativeTotalDecreased", List.of(), "0x"), null);
    }
    settleTransactions++;
    settledThrough = s.epoch() + 1;
    cumulativeTotal = s.cumulativeTotal();
    landed.put(s.epoch(), s);
    for (Slash slash : slashes) {
      stakes.merge(slash.operator(), slash.amount().negate(), (a, b) -> a.add(b).max(BigInteger.ZERO));
      view.stake(slash.operator(), stakes.get(slash.operator()));
    }
    view.settled(s);
    maybeFail("after the chain applied it");
    return new TxOutcome.Mined(Bytes32.ofUnsigned(s.epoch() + 1), view.confirmedBlock(), 50_000, List.of(), null);
  }

  @Override
  public void recoverPending() throws IOException {
    maybeFail("recovering");
  }
}
