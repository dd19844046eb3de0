package org.shardledger.contracts.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.protocol.settlement.Slash;
import org.shardledger.protocol.settlement.Terminations;

/**
 * The whole money path on a real Anvil with every signature and proof made in Java: register, propose,
 * activate with the operator's signature, record the beacon, settle with two of three verifiers, claim.
 */
class ChainRoundTripIT {
  static final BigInteger CREDIT = DeployParameters.CREDIT;
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(2);
  static final List<KeyPair> VERIFIERS = List.of(DevAccounts.key(7), DevAccounts.key(8), DevAccounts.key(9));

  @TempDir
  static Path dir;
  static LocalChain local;

  @BeforeAll
  static void start() throws Exception {
    local = LocalChain.start(AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir),
        DeployParameters.local(5, VERIFIERS.stream().map(KeyPair::address).toList(), 2));
    local.fund(OPERATOR.address(), 1000);
    local.fund(OWNER.address(), 1000);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void registerProposeActivateBeaconSettleClaim() throws Exception {
    try (Chain operator = local.connect(OPERATOR); Chain owner = local.connect(OWNER);
        Chain anyone = local.connect(DevAccounts.key(5))) {
      long beforeRegistration = operator.blockNumber();
      operator.operators().register("127.0.0.1:7000", "eu-west", 1L << 40, CREDIT.multiply(BigInteger.valueOf(100)))
          .mined();
      assertThat(operator.operators().stakeAt(OPERATOR.address(), beforeRegistration)).isZero();
      assertThat(operator.operators().stakeAt(OPERATOR.address(), operator.blockNumber()))
          .isEqualTo(CREDIT.multiply(BigInteger.valueOf(100)));
      assertThat(operator.operators().get(OPERATOR.address()).orElseThrow().endpoint()).isEqualTo("127.0.0.1:7000");

      byte[] data = new byte[10_000];
      new Random(1).nextBytes(data);
      ShardCommitment commitment = new CommitmentBuilder(1024).update(data).finish();
      long first = owner.currentEpoch() + 1;
      long dealId = owner.deals().propose(OPERATOR.address(), commitment, 4, CREDIT, first, first + 2);
      DealRecord proposed = owner.deals().get(dealId).orElseThrow();
      assertThat(proposed.status()).isEqualTo(DealStatus.PROPOSED);
      assertThat(proposed.deal().commitment()).isEqualTo(commitment);

      Signature acceptance = local.deployment().domain().sign(proposed.deal().acceptance(), OPERATOR);
      owner.deals().activate(dealId, acceptance).mined();
      assertThat(owner.deals().get(dealId).orElseThrow().status()).isEqualTo(DealStatus.ACTIVE);

      mineToEpoch(first + 3);
      TxOutcome recorded = anyone.beacons().record(first);
      assertThat(recorded.succeeded()).as(recorded.toString()).isTrue();
      assertThat(anyone.beacons().record(first)).isInstanceOf(TxOutcome.AlreadyDone.class);
      assertThat(anyone.beacons().get(first)).contains(anyone.blockHash(local.deployment().epochStartBlock(first))
          .orElseThrow());

      BigInteger earned = CREDIT.multiply(BigInteger.valueOf(3));
      PayoutTree tree = PayoutTree.of(Map.of(OPERATOR.address(), earned));
      Settlement settlement = new Settlement(anyone.settlements().settledThrough(), first + 2, tree.root(), earned,
          Slash.hash(List.of()), Terminations.hash(List.of()));
      List<Signature> signatures = List.of(local.deployment().domain().sign(settlement, VERIFIERS.get(2)),
          local.deployment().domain().sign(settlement, VERIFIERS.get(0)));
      assertThat(anyone.settlements().settle(settlement, List.of(), List.of(), signatures)).isInstanceOf(TxOutcome.Mined.class);
      assertThat(anyone.settlements().settle(settlement, List.of(), List.of(), signatures))
          .as("settling the same epoch again is already done").isInstanceOf(TxOutcome.AlreadyDone.class);
      assertThat(anyone.settlements().latestRoot()).isEqualTo(tree.root());
      assertThat(anyone.settlements().settledThrough()).isEqualTo(first + 3);

      BigInteger before = anyone.credits().balanceOf(OPERATOR.address());
      List<Bytes32> proof = tree.proof(OPERATOR.address()).orElseThrow();
      anyone.settlements().claim(OPERATOR.address(), earned, proof).mined();
      assertThat(anyone.credits().balanceOf(OPERATOR.address())).isEqualTo(before.add(earned));
      assertThat(anyone.settlements().claimed(OPERATOR.address())).isEqualTo(earned);
      assertThat(anyone.settlements().claim(OPERATOR.address(), earned, proof))
          .isInstanceOf(TxOutcome.AlreadyDone.class);
    }
  }

  @Test
  void aSettlementSignedByOneVerifierOnlyIsRefusedWithItsReason() throws Exception {
    try (Chain anyone = local.connect(DevAccounts.key(6))) {
      long epoch = anyone.settlements().settledThrough() + 1;
      mineToEpoch(epoch + 1);
      Settlement settlement = new Settlement(epoch - 1, epoch, Bytes32.ZERO,
          anyone.settlements().cumulativeTotal(), Slash.hash(List.of()), Terminations.hash(List.of()));
      TxOutcome outcome = anyone.settlements().settle(settlement, List.of(), List.of(),
          List.of(local.deployment().domain().sign(settlement, VERIFIERS.get(1))));
      assertThat(outcome).isInstanceOf(TxOutcome.Reverted.class);
      assertThat(((TxOutcome.Reverted) outcome).reason().name()).as(outcome.toString())
          .isEqualTo("InsufficientSignatures");
      assertThat(((TxOutcome.Reverted) outcome).hash()).as("nothing was sent").isNull();
    }
  }

  static void mineToEpoch(long epoch) throws Exception {
    try (Chain reader = local.connectReadOnly()) {
      long target = local.deployment().epochStartBlock(epoch) + 1;
      long now = reader.blockNumber();
      if (now < target) {
        local.rpc().mine(target - now);
      }
    }
  }
}
