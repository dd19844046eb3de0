package org.shardledger.prover.onchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.OperatorInfo;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.events.CursorStore;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.ProverStatusLog.Event;
import org.shardledger.prover.view.DealView;
import org.shardledger.prover.dispute.DisputeWatch;
import org.shardledger.prover.registration.OperatorRegistrar;
import org.shardledger.prover.registration.Registration;
import org.shardledger.testkit.AnvilFixture;

/** The chain-backed views, the registrar and the dispute watch's start against the real contracts on Anvil. */
class OnChainIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(2);
  static final BigInteger STAKE = DeployParameters.CREDIT.multiply(BigInteger.valueOf(100));

  @TempDir
  static Path dir;
  static LocalChain local;

  @BeforeAll
  static void start() throws Exception {
    local = AnvilFixture.start(dir,
        DeployParameters.local(4, List.of(DevAccounts.key(9).address()), 1));
    local.fund(OPERATOR.address(), 1000);
    local.fund(OWNER.address(), 1000);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void registersAtFirstStartThenUpdatesOnlyWhatChanged() throws Exception {
    ProverStatusLog status = new ProverStatusLog();
    try (Chain chain = local.connect(OPERATOR)) {
      OperatorRegistrar registrar = new OperatorRegistrar(chain, status);
      Registration first = new Registration("127.0.0.1:7340", "eu-west", 1L << 30, STAKE);
      assertThat(registrar.ensure(first)).isInstanceOf(OperatorRegistrar.Registered.class);
      assertThat(registrar.ensure(first)).isInstanceOf(OperatorRegistrar.Unchanged.class);

      Registration moved = new Registration("node.example:7341", "eu-west", 2L << 30, STAKE);
      assertThat(registrar.ensure(moved)).isInstanceOf(OperatorRegistrar.Updated.class);
      OperatorInfo info = chain.operators().get(OPERATOR.address()).orElseThrow();
      assertThat(info.endpoint()).isEqualTo("node.example:7341");
      assertThat(info.capacity()).isEqualTo(2L << 30);
      assertThat(info.stake()).isEqualTo(STAKE);

      assertThat(registrar.ensure(new Registration("node.example:7341", "eu-west", 2L << 30, STAKE.add(STAKE))))
          .isInstanceOf(OperatorRegistrar.Unchanged.class);
      assertThat(status.count(Event.STAKE_BELOW_WANTED)).isEqualTo(1);
      assertThat(status.count(Event.OPERATOR_REGISTERED)).isEqualTo(1);
      assertThat(status.count(Event.REGISTRATION_UPDATED)).isEqualTo(1);
    }
  }

  @Test
  void refusesToRegisterWithoutCreditsForTheStake() throws Exception {
    try (Chain chain = local.connect(DevAccounts.key(4))) {
      OperatorRegistrar.Outcome outcome = new OperatorRegistrar(chain, new ProverStatusLog())
          .ensure(new Registration("127.0.0.1:1", "eu", 0, STAKE));
      assertThat(outcome).isInstanceOf(OperatorRegistrar.Refused.class);
      assertThat(((OperatorRegistrar.Refused) outcome).reason()).contains("holds 0 credits", "100 credits");
    }
  }

  @Test
  void refusesToRegisterWithoutGas() throws Exception {
    KeyPair broke = KeyPair.random(new SecureRandom());
    local.fund(broke.address(), 1000);
    try (Chain chain = local.connect(broke)) {
      OperatorRegistrar.Outcome outcome = new OperatorRegistrar(chain, new ProverStatusLog())
          .ensure(new Registration("127.0.0.1:1", "eu", 0, STAKE));
      assertThat(((OperatorRegistrar.Refused) outcome).reason()).contains("no native coin", "gas");
    }
  }

  @Test
  void refusesAStakeBelowTheMinimumWithTheContractsReason() throws Exception {
    KeyPair small = DevAccounts.key(5);
    local.fund(small.address(), 10);
    try (Chain chain = local.connect(small)) {
      OperatorRegistrar.Outcome outcome = new OperatorRegistrar(chain, new ProverStatusLog())
          .ensure(new Registration("127.0.0.1:1", "eu", 0, DeployParameters.CREDIT));
      assertThat(((OperatorRegistrar.Refused) outcome).reason()).contains("StakeBelowMinimum");
    }
  }

  @Test
  void dealsAreReadAgainUntilTheyAreSettledAndBeaconsOnceRecorded() throws Exception {
    try (Chain owner = local.connect(OWNER); Chain operator = local.connect(DevAccounts.key(6))) {
      local.fund(DevAccounts.key(6).address(), 1000);
      new OperatorRegistrar(operator, new ProverStatusLog())
          .ensure(new Registration("127.0.0.1:2", "eu", 1L << 30, STAKE));
      ShardCommitment commitment = new ShardCommitment(Bytes32.ofUnsigned(42), 10_000, 4096);
      long first = owner.currentEpoch() + 1;
      long dealId = owner.deals().propose(DevAccounts.key(6).address(), commitment, 4, BigInteger.ONE, first,
          first + 3);
      ChainDealDirectory deals = new ChainDealDirectory(operator, DevAccounts.key(6).address());
      assertThat(deals.find(dealId).map(DealView::status)).contains(DealStatus.PROPOSED);
      assertThat(deals.find(dealId + 100)).isEmpty();
      owner.deals().activate(dealId, local.deployment().domain().sign(
          deals.find(dealId).orElseThrow().deal().acceptance(), DevAccounts.key(6))).mined();
      assertThat(deals.find(dealId).map(DealView::status)).as("a proposal is read again")
          .contains(DealStatus.ACTIVE);
      assertThat(deals.find(dealId).orElseThrow().deal().commitment()).isEqualTo(commitment);

      ChainBeaconSource beacons = new ChainBeaconSource(operator);
      ChainEpochClock clock = new ChainEpochClock(operator);
      assertThat(beacons.beacon(first)).isEmpty();
      local.rpc().mine(local.deployment().epochStartBlock(first) + 1 - operator.blockNumber());
      assertThat(clock.currentEpoch()).isEqualTo(first);
      String unrecorded = local.rpc().snapshot();
      owner.beacons().record(first).mined();
      Bytes32 beacon = operator.blockHash(local.deployment().epochStartBlock(first)).orElseThrow();
      assertThat(beacons.beacon(first)).contains(beacon);
      local.rpc().revert(unrecorded);
      assertThat(new ChainBeaconSource(operator).beacon(first)).as("the chain forgot it").isEmpty();
      assertThat(beacons.beacon(first)).as("read once, then kept").contains(beacon);
    }
  }

  @Test
  void theDisputeWatchNeverStartsMoreThanItsLookbackBehindTheHead() throws Exception {
    try (Chain chain = local.connectReadOnly()) {
      long head = chain.blockNumber();
      CursorStore fresh = CursorStore.inMemory();
      DisputeWatch.skipStaleHistory(chain, fresh, head + 10);
      long beforeDeployment = local.deployment().deployBlock() - 1;
      assertThat(fresh.load().map(FollowerCursor::block).orElse(beforeDeployment))
          .as("a chain younger than the lookback: the follower starts at the deployment").isEqualTo(beforeDeployment);

      local.rpc().mine(300);
      CursorStore old = CursorStore.inMemory();
      old.save(new FollowerCursor(head, chain.blockHash(head).orElseThrow()));
      DisputeWatch.skipStaleHistory(chain, old, 256);
      long now = chain.blockNumber();
      assertThat(old.load().orElseThrow().block()).isEqualTo(now - 256);
      assertThat(old.load().orElseThrow().hash()).isEqualTo(chain.blockHash(now - 256).orElseThrow());

      CursorStore recent = CursorStore.inMemory();
      FollowerCursor tenBack = new FollowerCursor(now - 10, chain.blockHash(now - 10).orElseThrow());
      recent.save(tenBack);
      DisputeWatch.skipStaleHistory(chain, recent, 256);
      assertThat(recent.load()).as("a recent cursor is kept").contains(tenBack);
    }
  }
}
