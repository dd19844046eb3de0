package org.shardledger.verifier.settlement;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.shardledger.chainstore.ChainMirror.MirroredSettlement;
import org.shardledger.chainstore.settlement.BeaconStatus;
import org.shardledger.chainstore.settlement.SettledEpoch;
import org.shardledger.chainstore.settlement.SettlementChain;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.chainstore.settlement.SettlementTx;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementSignature;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SignAnswer;
import org.shardledger.protocol.settlement.SignSettlementRequest;

/**
 * The verifier's side of settlement. Asked to sign, it recomputes the settlement with the settlement rules from its
 * own state (the last settlement it signed or saw land, from its {@link SettlementStore}), its own view of the
 * chain's deals, beacons and verifier set, the signed reports the ledger used, and the stakes the ledger names —
 * each checked against the chain at the block the ledger read them at. It signs only if its result is identical,
 * and then keeps the settlement and every account's amount (so claims stay possible without the ledger).
 *
 * <p>It never signs two different settlements that start from the same state: once it signed epochs a..b it signs
 * only settlements starting at b + 1, or exactly the one it signed again. And it signs a new settlement only if
 * its {@code fromEpoch} is the chain's {@code settledThrough} in its confirmed view (Settlement v2): a verifier
 * whose own state is behind the chain (e.g. one that just joined the set) cannot be made to sign a settlement
 * computed from a state the chain has left, which would apply that state's slashes again. When its state is behind the request it
 * answers NOT_READY with the epoch it needs from, and replays the settlements the ledger then adds (each must
 * equal the one on chain).
 */
public final class SettlementSigner {
  private final SettlementChain chain;
  private final SettlementStore store;
  private final KeyPair key;
  private final Eip712Domain domain;
  private final SettlementRules rules;
  private final SigningStatusLog status = new SigningStatusLog();

  public SettlementSigner(SettlementChain chain, SettlementStore store, KeyPair key, Eip712Domain domain,
      SettlementConfig config) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.store = Objects.requireNonNull(store, "store");
    this.key = Objects.requireNonNull(key, "key");
    this.domain = Objects.requireNonNull(domain, "domain");
    this.rules = new SettlementRules(config, domain);
  }

  public Address signer() {
    return key.address();
  }

  public synchronized SignAnswer sign(SignSettlementRequest request) throws IOException {
    SettlementStep proposed = request.proposed();
    SignAnswer outcome = decide(request);
    switch (outcome) {
      case SignAnswer.Refused r -> status.refused(proposed.epoch(), r.reason());
      case SignAnswer.NotReady n -> status.notReady(proposed.epoch(), n.reason());
      case SignAnswer.Signed s -> { }
    }
    return outcome;
  }

  private SignAnswer decide(SignSettlementRequest request) throws IOException {
    SettlementStep proposed = request.proposed();
    Optional<SettledEpoch> signedBefore = store.settled(proposed.epoch());
    if (signedBefore.isPresent()) {
      return signAgain(signedBefore.get(), proposed);
    }
    SettlementState state = store.current();
    if (state.nextEpoch() > proposed.fromEpoch()) {
      return new SignAnswer.Refused("I have settled through epoch " + (state.nextEpoch() - 1) + "; a settlement "
          + "starting at epoch " + proposed.fromEpoch() + " would settle epochs twice");
    }
    int start = request.steps().size();
    for (int i = 0; i < request.steps().size(); i++) {
      if (request.steps().get(i).fromEpoch() == state.nextEpoch()) {
        start = i;
      }
    }
    if (start == request.steps().size()) {
      return request.steps().getFirst().fromEpoch() > state.nextEpoch()
          ? new SignAnswer.NotReady(OptionalLong.of(state.nextEpoch()), "my settlement state starts at epoch "
              + state.nextEpoch() + "; send the settlements from there")
          : new SignAnswer.Refused("no step of the request starts at my next epoch " + state.nextEpoch());
    }
    long confirmed = chain.confirmedBlock();
    if (confirmed < proposed.block()) {
      return new SignAnswer.NotReady(OptionalLong.empty(), "my view of the chain is confirmed through block "
          + confirmed + ", the settlement was read at block " + proposed.block());
    }
    for (SettlementStep past : request.steps().subList(start, request.steps().size() - 1)) {
      Replay replay = replay(state, past);
      if (replay.refusal() != null) {
        return replay.refusal();
      }
      state = replay.state();
    }
    return signNew(state, proposed);
  }

  private record Replay(SettlementState state, SignAnswer refusal) {}

  /** Catches up with a settlement that landed without this verifier's signature: it must be the chain's. */
  private Replay replay(SettlementState state, SettlementStep step) throws IOException {
    Optional<MirroredSettlement> landed = chain.settlement(step.epoch());
    if (landed.isEmpty() || !landed.get().settlement().equals(step.settlement().settlement())) {
      return new Replay(null, new SignAnswer.Refused("epoch " + step.epoch() + " was not settled on chain as the "
          + "request says" + landed.map(l -> " (the chain has root " + l.settlement().payoutRoot() + ")").orElse("")));
    }
    SettlementResult result;
    try {
      result = compute(state, step);
    } catch (IllegalArgumentException e) {
      return new Replay(null, new SignAnswer.Refused("replaying epochs " + step.fromEpoch() + ".." + step.epoch()
          + ": " + e.getMessage()));
    }
    SignAnswer beacons = checkBeacons(step, result);
    if (beacons != null) {
      return new Replay(null, beacons);
    }
    String differences = SettlementDifferences.describe(result.settlement(), result.slashes(),
        landed.get().settlement(), step.settlement().slashes());
    if (!differences.isEmpty()) {
      return new Replay(null, new SignAnswer.Refused("replaying epochs " + step.fromEpoch() + ".." + step.epoch()
          + " does not give the settlement on chain: " + differences));
    }
    store.record(record(step, result, Map.of(), Optional.of(new SettlementTx(landed.get().transactionHash(),
        landed.get().block()))), state, result.state());
    status.replayed(step.fromEpoch(), step.epoch());
    return new Replay(result.state(), null);
  }

  private SignAnswer signNew(SettlementState state, SettlementStep step) throws IOException {
    long settledThrough = chain.settledThrough();
    if (step.fromEpoch() < settledThrough) {
      return new SignAnswer.Refused("the chain has settled through epoch " + (settledThrough - 1) + " (settledThrough "
          + settledThrough + "); a settlement starting at epoch " + step.fromEpoch() + " would settle epochs again");
    }
    if (step.fromEpoch() > settledThrough) {
      return new SignAnswer.NotReady(OptionalLong.empty(), "in my confirmed view of the chain settledThrough is "
          + settledThrough + "; the settlement starts at epoch " + step.fromEpoch());
    }
    Optional<VerifierSet> set = chain.verifierSet();
    if (set.isEmpty()) {
      return new SignAnswer.NotReady(OptionalLong.empty(), "my view of the chain has no verifier set yet");
    }
    if (!set.get().equals(step.verifiers())) {
      return new SignAnswer.Refused("the verifier set is " + describe(set.get()) + ", not "
          + describe(step.verifiers()));
    }
    if (step.block() < chain.lastBlockOf(step.epoch())) {
      return new SignAnswer.Refused("the stakes were read at block " + step.block() + ", before epoch "
          + step.epoch() + " ended (block " + chain.lastBlockOf(step.epoch()) + ")");
    }
    for (Map.Entry<Address, BigInteger> stake : step.stakes().entrySet()) {
      BigInteger onChain = chain.stakeAt(stake.getKey(), step.block());
      if (!onChain.equals(stake.getValue())) {
        return new SignAnswer.Refused("the stake of " + stake.getKey() + " at block " + step.block() + " is "
            + onChain + ", not " + stake.getValue());
      }
    }
    SettlementResult result;
    try {
      result = compute(state, step);
    } catch (IllegalArgumentException e) {
      return new SignAnswer.Refused("cannot settle epochs " + step.fromEpoch() + ".." + step.epoch() + ": "
          + e.getMessage());
    }
    SignAnswer beacons = checkBeacons(step, result);
    if (beacons != null) {
      return beacons;
    }
    String differences = SettlementDifferences.describe(result.settlement(), result.slashes(),
        step.settlement().settlement(), step.settlement().slashes());
    if (!differences.isEmpty()) {
      return new SignAnswer.Refused("my settlement of epochs " + step.fromEpoch() + ".." + step.epoch()
          + " differs: " + differences);
    }
    Signature signature = domain.sign(result.settlement(), key);
    store.record(record(step, result, Map.of(key.address(), signature), Optional.empty()), state, result.state());
    status.signed(step.fromEpoch(), step.epoch(), result.settlement().payoutRoot(), key.address());
    return new SignAnswer.Signed(new SettlementSignature(step.epoch(), key.address(), signature));
  }

  private SignAnswer signAgain(SettledEpoch mine, SettlementStep step) {
    if (mine.fromEpoch() != step.fromEpoch() || !mine.settlement().equals(step.settlement().settlement())
        || !mine.slashes().equals(step.settlement().slashes())) {
      return new SignAnswer.Refused("I already settled epoch " + step.epoch() + " (epochs " + mine.fromEpoch()
          + ".." + mine.epoch() + ") differently: " + SettlementDifferences.describe(mine.settlement(),
          mine.slashes(), step.settlement().settlement(), step.settlement().slashes()));
    }
    status.signedAgain(step.epoch());
    return new SignAnswer.Signed(new SettlementSignature(step.epoch(), key.address(),
        domain.sign(mine.settlement(), key)));
  }

  /**
   * Null when the beacon of every epoch in which some deal was settled is as the request says. In an epoch where no
   * deal was open nothing depends on it (and nobody had a reason to record it).
   */
  private SignAnswer checkBeacons(SettlementStep step, SettlementResult result) throws IOException {
    java.util.Set<Long> settledEpochs = new java.util.HashSet<>();
    result.entries().forEach(e -> settledEpochs.add(e.epoch()));
    for (EpochAudits audits : step.audits()) {
      if (!settledEpochs.contains(audits.epoch())) {
        continue;
      }
      BeaconStatus beacon = chain.beacon(audits.epoch());
      if (beacon == BeaconStatus.UNDECIDED) {
        return new SignAnswer.NotReady(OptionalLong.empty(), "whether the beacon of epoch " + audits.epoch()
            + " was recorded is not confirmed yet");
      }
      if ((beacon == BeaconStatus.RECORDED) != audits.beaconRecorded()) {
        return new SignAnswer.Refused("the beacon of epoch " + audits.epoch() + " was "
            + (beacon == BeaconStatus.RECORDED ? "" : "not ") + "recorded on chain; the request says otherwise");
      }
    }
    return null;
  }

  private SettlementResult compute(SettlementState state, SettlementStep step) throws IOException {
    return rules.settle(state, new SettlementInput(step.epoch(), chain.activatedDealsThrough(step.epoch()),
        step.stakes(), step.verifiers(), step.audits(), chain.endedDealsBefore(step.epoch())));
  }

  private static SettledEpoch record(SettlementStep step, SettlementResult result, Map<Address, Signature> signatures,
      Optional<SettlementTx> tx) {
    return new SettledEpoch(step.fromEpoch(), result.settlement(), result.slashes(), result.terminations(), result.held(),
        result.payoutTree().size(), signatures, tx);
  }

  private static String describe(VerifierSet set) {
    return set.threshold() + " of " + new java.util.TreeSet<>(set.members());
  }
}
