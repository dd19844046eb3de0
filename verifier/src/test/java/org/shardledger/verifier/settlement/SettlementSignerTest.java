package org.shardledger.verifier.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.protocol.settlement.SignAnswer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shardledger.chainstore.settlement.BeaconStatus;
import org.shardledger.chainstore.settlement.InMemorySettlementChain;
import org.shardledger.chainstore.settlement.InMemorySettlementStore;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.protocol.settlement.SignSettlementRequest;
import org.shardledger.testkit.TestDomain;

class SettlementSignerTest {
  static final Eip712Domain DOMAIN = TestDomain.DOMAIN;
  static final List<KeyPair> VERIFIERS = List.of(KeyPair.fromPrivateKey(BigInteger.valueOf(0x1001)),
      KeyPair.fromPrivateKey(BigInteger.valueOf(0x1002)), KeyPair.fromPrivateKey(BigInteger.valueOf(0x1003)));
  static final VerifierSet SET = new VerifierSet(Set.of(VERIFIERS.get(0).address(), VERIFIERS.get(1).address(),
      VERIFIERS.get(2).address()), 2);
  static final Address OPERATOR = Address.fromHex("0x" + "0a".repeat(20));
  static final Address OWNER = Address.fromHex("0x" + "0b".repeat(20));
  static final BigInteger STAKE = BigInteger.valueOf(5000);
  static final long EPOCH_LENGTH = 10;
  static final SettlementRules RULES = new SettlementRules(SettlementConfig.DEFAULT, DOMAIN);
  static final Deal DEAL = new Deal(1, OWNER, OPERATOR, new ShardCommitment(Bytes32.ofUnsigned(1), 4096, 4096), 4,
      BigInteger.valueOf(100), 0, 9);

  InMemorySettlementChain chain;
  InMemorySettlementStore store;
  SettlementSigner signer;

  @BeforeEach
  void setUp() {
    chain = new InMemorySettlementChain(EPOCH_LENGTH, SET).activate(DEAL).stake(OPERATOR, STAKE).confirmThrough(1000);
    store = new InMemorySettlementStore();
    signer = new SettlementSigner(chain, store, VERIFIERS.get(0), DOMAIN, SettlementConfig.DEFAULT);
  }

  static EpochAudits audits(long epoch, AuditOutcome... byVerifier) {
    List<SignedReport> reports = new ArrayList<>();
    for (int v = 0; v < byVerifier.length; v++) {
      List<DealResult> results = List.of(new DealResult(DEAL.id(), byVerifier[v]));
      AuditReport report = AuditResults.report(epoch, results);
      reports.add(new SignedReport(report, DOMAIN.sign(report, VERIFIERS.get(v)), results));
    }
    return EpochAudits.of(epoch, reports);
  }

  /** What an honest ledger proposes for {@code audits} from {@code state}, read at {@code block}. */
  static SettlementStep step(SettlementState state, long block, List<EpochAudits> audits) {
    long epoch = audits.getLast().epoch();
    SettlementResult r = RULES.settle(state, new SettlementInput(epoch, List.of(DEAL), Map.of(OPERATOR, STAKE), SET,
        audits));
    return new SettlementStep(block, Map.of(OPERATOR, STAKE), SET, audits,
        new SettlementWithSlashes(r.settlement(), r.slashes(), r.terminations()));
  }

  static SettlementState after(SettlementState state, SettlementStep step) {
    return RULES.settle(state, new SettlementInput(step.epoch(), List.of(DEAL), step.stakes(), SET, step.audits()))
        .state();
  }

  @Test
  void signsWhatItRecomputesAndKeepsTheSettlementAndTheAmounts() throws Exception {
    SettlementStep step = step(SettlementState.genesis(), 100, List.of(audits(0, AuditOutcome.PASS,
        AuditOutcome.PASS, AuditOutcome.FAIL)));
    SignAnswer outcome = signer.sign(SignSettlementRequest.of(step));
    assertThat(outcome).isInstanceOf(SignAnswer.Signed.class);
    var signature = ((SignAnswer.Signed) outcome).signature();
    assertThat(DOMAIN.signer(step.settlement().settlement(), signature.signature()))
        .contains(VERIFIERS.get(0).address());
    assertThat(store.current().nextEpoch()).isEqualTo(1);
    assertThat(store.amountsAt(0)).containsEntry(OPERATOR, BigInteger.valueOf(100));
    assertThat(store.settled(0).orElseThrow().signatures()).containsOnlyKeys(VERIFIERS.get(0).address());

    assertThat(signer.sign(SignSettlementRequest.of(step))).as("asked again: the same signature")
        .isEqualTo(outcome);
  }

  @Test
  void refusesASettlementThatDiffersAndSaysHow() throws Exception {
    SettlementStep honest = step(SettlementState.genesis(), 100, List.of(audits(0, AuditOutcome.PASS,
        AuditOutcome.PASS)));
    Settlement s = honest.settlement().settlement();
    Settlement inflated = new Settlement(0, 0, s.payoutRoot(), s.cumulativeTotal().add(BigInteger.ONE), s.slashesHash(),
        s.terminationsHash());
    SettlementStep lie = new SettlementStep(100, honest.stakes(), SET, honest.audits(),
        new SettlementWithSlashes(inflated, List.of(), List.of()));
    SignAnswer outcome = signer.sign(SignSettlementRequest.of(lie));
    assertThat(outcome).isInstanceOf(SignAnswer.Refused.class);
    assertThat(((SignAnswer.Refused) outcome).reason()).contains("cumulativeTotal 101 (mine 100)");
    assertThat(store.current().nextEpoch()).as("nothing recorded").isZero();
  }

  @Test
  void refusesStakesTheChainDidNotHaveAndBeaconsClaimedMissing() throws Exception {
    SettlementStep honest = step(SettlementState.genesis(), 100, List.of(audits(0, AuditOutcome.PASS,
        AuditOutcome.PASS)));
    SettlementStep richer = new SettlementStep(100, Map.of(OPERATOR, STAKE.add(BigInteger.ONE)), SET,
        honest.audits(), honest.settlement());
    assertThat(signer.sign(SignSettlementRequest.of(richer)))
        .isEqualTo(new SignAnswer.Refused("the stake of " + OPERATOR + " at block 100 is 5000, not 5001"));

    SettlementStep unaudited = step(SettlementState.genesis(), 100, List.of(EpochAudits.beaconMissing(0)));
    assertThat(signer.sign(SignSettlementRequest.of(unaudited)))
        .isEqualTo(new SignAnswer.Refused("the beacon of epoch 0 was recorded on chain; the request says otherwise"));

    chain.beacon(0, BeaconStatus.UNDECIDED);
    assertThat(signer.sign(SignSettlementRequest.of(honest))).isInstanceOf(SignAnswer.NotReady.class);
  }

  @Test
  void refusesStakesReadBeforeTheEpochEndedAndAnotherVerifierSet() throws Exception {
    SettlementStep early = step(SettlementState.genesis(), 5, List.of(audits(0, AuditOutcome.PASS)));
    assertThat(((SignAnswer.Refused) signer.sign(SignSettlementRequest.of(early))).reason())
        .isEqualTo("the stakes were read at block 5, before epoch 0 ended (block 9)");
    chain.verifiers(new VerifierSet(SET.members(), 3));
    SettlementStep step = step(SettlementState.genesis(), 100, List.of(audits(0, AuditOutcome.PASS)));
    assertThat(((SignAnswer.Refused) signer.sign(SignSettlementRequest.of(step))).reason())
        .startsWith("the verifier set is 3 of");
  }

  @Test
  void waitsWhileItsChainViewIsBehindTheBlockTheLedgerRead() throws Exception {
    chain.confirmThrough(50);
    SettlementStep step = step(SettlementState.genesis(), 100, List.of(audits(0, AuditOutcome.PASS)));
    assertThat(signer.sign(SignSettlementRequest.of(step))).isEqualTo(new SignAnswer.NotReady(OptionalLong.empty(),
        "my view of the chain is confirmed through block 50, the settlement was read at block 100"));
  }

  @Test
  void askedFromALaterEpochItNeedsTheEarlierSettlementsThenReplaysThemAgainstTheChain() throws Exception {
    SettlementStep first = step(SettlementState.genesis(), 20, List.of(audits(0, AuditOutcome.PASS,
        AuditOutcome.PASS), audits(1, AuditOutcome.FAIL, AuditOutcome.FAIL)));
    SettlementState afterFirst = after(SettlementState.genesis(), first);
    SettlementStep second = step(afterFirst, 30, List.of(audits(2, AuditOutcome.UNREACHABLE, AuditOutcome.PASS)));

    assertThat(signer.sign(SignSettlementRequest.of(second))).isEqualTo(new SignAnswer.NotReady(OptionalLong.of(0),
        "my settlement state starts at epoch 0; send the settlements from there"));

    SignSettlementRequest longer = new SignSettlementRequest(List.of(first, second));
    assertThat(((SignAnswer.Refused) signer.sign(longer)).reason())
        .as("the first step never landed").startsWith("epoch 1 was not settled on chain");

    chain.settled(first.settlement().settlement());
    SignAnswer outcome = signer.sign(longer);
    assertThat(outcome).isInstanceOf(SignAnswer.Signed.class);
    assertThat(store.settled(1).orElseThrow().tx()).isPresent();
    assertThat(store.settled(1).orElseThrow().signatures()).as("replayed, not signed").isEmpty();
    assertThat(store.settled(1).orElseThrow().slashes()).isNotEmpty();
    assertThat(store.settled(2).orElseThrow().signatures()).containsOnlyKeys(VERIFIERS.get(0).address());
    assertThat(store.current().nextEpoch()).isEqualTo(3);
  }

  @Test
  void neverSignsTwoDifferentSettlementsFromTheSameState() throws Exception {
    SettlementStep zero = step(SettlementState.genesis(), 20, List.of(audits(0, AuditOutcome.PASS,
        AuditOutcome.PASS)));
    assertThat(signer.sign(SignSettlementRequest.of(zero))).isInstanceOf(SignAnswer.Signed.class);
    SettlementStep zeroAndOne = step(SettlementState.genesis(), 20, List.of(audits(0, AuditOutcome.PASS,
        AuditOutcome.PASS), audits(1, AuditOutcome.PASS, AuditOutcome.PASS)));
    assertThat(((SignAnswer.Refused) signer.sign(SignSettlementRequest.of(zeroAndOne))).reason())
        .isEqualTo("I have settled through epoch 0; a settlement starting at epoch 0 would settle epochs twice");
    SettlementStep otherZero = step(SettlementState.genesis(), 20, List.of(audits(0, AuditOutcome.FAIL,
        AuditOutcome.FAIL)));
    assertThat(((SignAnswer.Refused) signer.sign(SignSettlementRequest.of(otherZero))).reason())
        .startsWith("I already settled epoch 0 (epochs 0..0) differently: payoutRoot");
  }

  @Test
  void epochsWithoutAnOpenDealNeedNoDecidedBeacon() throws Exception {
    Deal later = new Deal(1, OWNER, OPERATOR, DEAL.commitment(), 4, BigInteger.valueOf(100), 2, 9);
    chain = new InMemorySettlementChain(EPOCH_LENGTH, SET).activate(later).stake(OPERATOR, STAKE).confirmThrough(1000)
        .beacon(0, BeaconStatus.UNDECIDED).beacon(1, BeaconStatus.UNDECIDED);
    signer = new SettlementSigner(chain, store, VERIFIERS.get(0), DOMAIN, SettlementConfig.DEFAULT);
    List<DealResult> results = List.of(new DealResult(1, AuditOutcome.PASS));
    AuditReport report = AuditResults.report(2, results);
    List<EpochAudits> audits = List.of(EpochAudits.of(0, List.of()), EpochAudits.beaconMissing(1),
        EpochAudits.of(2, List.of(new SignedReport(report, DOMAIN.sign(report, VERIFIERS.get(0)), results),
            new SignedReport(report, DOMAIN.sign(report, VERIFIERS.get(1)), results))));
    SettlementResult r = RULES.settle(SettlementState.genesis(), new SettlementInput(2, List.of(later),
        Map.of(OPERATOR, STAKE), SET, audits));
    SettlementStep step = new SettlementStep(100, Map.of(OPERATOR, STAKE), SET, audits,
        new SettlementWithSlashes(r.settlement(), r.slashes(), r.terminations()));
    assertThat(signer.sign(SignSettlementRequest.of(step))).isInstanceOf(SignAnswer.Signed.class);
  }
}
