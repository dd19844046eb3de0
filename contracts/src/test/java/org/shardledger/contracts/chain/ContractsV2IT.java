package org.shardledger.contracts.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.events.CursorStore;
import org.shardledger.contracts.tx.ChainRevertException;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Contracts v2 through the Java facade on Anvil: every contract of the deployment in place, the key registry, an
 * owner ending its deal (and the follower seeing it, and disputes refused after it), the bounds.
 */
class ContractsV2IT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(2);
  static final KeyPair DISPUTER = DevAccounts.key(3);
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
    local.fund(DISPUTER.address(), 1000);
    try (Chain operator = local.connect(OPERATOR)) {
      operator.operators().register("127.0.0.1:7001", "eu-west", 1L << 40,
          DeployParameters.CREDIT.multiply(BigInteger.valueOf(100))).mined();
    }
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void theDeploymentListsFourDistinctContractsAndTheLedgerKnowsItsCourt() throws Exception {
    Deployment d = local.deployment();
    assertThat(Set.of(d.ledger(), d.credit(), d.disputeCourt(), d.keyRegistry())).hasSize(4);
    Web3j web3 = Web3j.build(new HttpService(local.rpcUrl().toString()));
    try {
      for (Address contract : List.of(d.ledger(), d.credit(), d.disputeCourt(), d.keyRegistry())) {
        String code = web3.ethGetCode(contract.toHex(), DefaultBlockParameterName.LATEST).send().getCode();
        assertThat(code.length()).as("code at " + contract).isGreaterThan(2);
      }
      ShardLedger ledger = ShardLedger.load(d.ledger().toHex(), web3,
          new ReadonlyTransactionManager(web3, Address.ZERO.toHex()), new DefaultGasProvider());
      assertThat(Address.fromHex(ledger.disputeCourt().send())).isEqualTo(d.disputeCourt());
    } finally {
      web3.shutdown();
    }
    Path file = dir.resolve("deployment.json");
    DeploymentFile.write(file, d);
    assertThat(DeploymentFile.read(file)).isEqualTo(d);
  }

  @Test
  void anAccountPublishesItsX25519KeyAndAnyoneLooksItUp() throws Exception {
    Bytes32 key = Bytes32.fromHex("0x" + "ab".repeat(31) + "01");
    try (Chain owner = local.connect(OWNER); Chain reader = local.connectReadOnly()) {
      assertThat(reader.keys().keyOf(OWNER.address())).isEmpty();
      owner.keys().publish(key).mined();
      assertThat(reader.keys().keyOf(OWNER.address())).contains(key);
      assertThat(reader.keys().keyOf(OPERATOR.address())).isEmpty();
      assertThatThrownBy(() -> owner.keys().publish(Bytes32.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anOwnerEndsItsDealTheFollowerSeesItAndItCanNoLongerBeDisputed() throws Exception {
    try (Chain owner = local.connect(OWNER); Chain disputer = local.connect(DISPUTER)) {
      long dealId = activeDeal(owner, 40);
      owner.deals().end(dealId).mined();
      DealRecord ended = owner.deals().get(dealId).orElseThrow();
      assertThat(ended.status()).isEqualTo(DealStatus.ENDED);
      assertThat(ended.endEpoch()).isLessThan(ended.deal().lastEpoch());

      assertThatThrownBy(() -> disputer.disputes().open(dealId, 0)).isInstanceOf(ChainRevertException.class)
          .satisfies(e -> assertThat(((ChainRevertException) e).reason().name()).isEqualTo("DealNotActive"));

      List<ChainEvent> seen = new ArrayList<>();
      ChainFollower follower = owner.follow(0, CursorStore.inMemory(), (events, upTo) -> seen.addAll(events),
          ChainTiming.local());
      while (follower.pollOnce() > 0) {
        // until caught up
      }
      assertThat(seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ChainEvent.DealEnded.class, x -> {
        assertThat(x.dealId()).isEqualTo(dealId);
        assertThat(x.endEpoch()).isEqualTo(ended.endEpoch());
        assertThat(x.cause()).isEqualTo(ChainEvent.EndCause.OWNER);
      }));
      assertThat(seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ChainEvent.DealProposed.class,
          x -> assertThat(x.deal().id()).isEqualTo(dealId)));
    }
  }

  @Test
  void disputesGoThroughTheCourtAndItsEventsReachTheFollower() throws Exception {
    try (Chain owner = local.connect(OWNER); Chain disputer = local.connect(DISPUTER)) {
      long dealId = activeDeal(owner, 40);
      long disputeId = disputer.disputes().open(dealId, 0);
      assertThat(owner.deals().get(dealId).orElseThrow().openDisputeId()).isEqualTo(disputeId);
      assertThat(owner.operators().get(OPERATOR.address()).orElseThrow().openDisputes()).isEqualTo(1);
      List<ChainEvent> seen = new ArrayList<>();
      ChainFollower follower = owner.follow(0, CursorStore.inMemory(), (events, upTo) -> seen.addAll(events),
          ChainTiming.local());
      while (follower.pollOnce() > 0) {
        // until caught up
      }
      assertThat(seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ChainEvent.DisputeOpened.class,
          x -> assertThat(x.disputeId()).isEqualTo(disputeId)));
    }
  }

  @Test
  void aShardAboveTheBoundIsRefusedWithItsReason() throws Exception {
    try (Chain owner = local.connect(OWNER)) {
      ShardCommitment huge = new ShardCommitment(Bytes32.fromHex("0x" + "11".repeat(32)),
          DeployParameters.DEFAULT_MAX_SHARD_SIZE + 1, 4096);
      long first = owner.currentEpoch() + 1;
      assertThatThrownBy(() -> owner.deals().propose(OPERATOR.address(), huge, 4, BigInteger.ONE, first, first))
          .isInstanceOf(ChainRevertException.class)
          .satisfies(e -> assertThat(((ChainRevertException) e).reason().name()).isEqualTo("ShardTooLarge"));
      assertThatThrownBy(() -> owner.deals().propose(OPERATOR.address(), commitment(), 4, BigInteger.ONE, first,
          first + DeployParameters.DEFAULT_MAX_DEAL_EPOCHS)).isInstanceOf(ChainRevertException.class)
          .satisfies(e -> assertThat(((ChainRevertException) e).reason().name()).isEqualTo("DealTooLong"));
    }
  }

  @Test
  void aFilesDealsAreProposedAndActivatedInOneTransactionEachAllOrNone() throws Exception {
    try (Chain owner = local.connect(OWNER)) {
      long first = owner.currentEpoch() + 2;
      List<ProposalTerms> terms = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        ShardCommitment c = new CommitmentBuilder(1024).update(new byte[1000 + i]).finish();
        terms.add(new ProposalTerms(OPERATOR.address(), c, 4, BigInteger.valueOf(i + 1), first, first + 9));
      }
      BigInteger before = owner.credits().balanceOf(OWNER.address());
      long count = owner.deals().count();
      List<Long> ids = owner.deals().proposeBatch(terms);
      assertThat(ids).containsExactly(count + 1, count + 2, count + 3, count + 4, count + 5, count + 6);
      assertThat(owner.credits().balanceOf(OWNER.address()))
          .isEqualTo(before.subtract(BigInteger.valueOf(10 * (1 + 2 + 3 + 4 + 5 + 6))));
      java.util.Map<Long, org.shardledger.protocol.crypto.Signature> acceptances = new java.util.LinkedHashMap<>();
      for (int i = 0; i < 6; i++) {
        DealRecord r = owner.deals().get(ids.get(i)).orElseThrow();
        assertThat(r.status()).isEqualTo(DealStatus.PROPOSED);
        assertThat(r.deal().commitment()).isEqualTo(terms.get(i).commitment());
        assertThat(r.deal().pricePerEpoch()).isEqualTo(terms.get(i).pricePerEpoch());
        acceptances.put(ids.get(i), local.deployment().domain().sign(r.deal().acceptance(), OPERATOR));
      }
      var forged = new java.util.LinkedHashMap<>(acceptances);
      forged.put(ids.get(5), acceptances.get(ids.get(4)));
      assertThatThrownBy(() -> owner.deals().activateBatch(forged).mined()).isInstanceOf(ChainRevertException.class)
          .satisfies(e -> assertThat(((ChainRevertException) e).reason().name())
              .isEqualTo("InvalidOperatorSignature"));
      assertThat(owner.deals().get(ids.get(0)).orElseThrow().status()).as("all or none")
          .isEqualTo(DealStatus.PROPOSED);
      owner.deals().activateBatch(acceptances).mined();
      for (long id : ids) {
        assertThat(owner.deals().get(id).orElseThrow().status()).isEqualTo(DealStatus.ACTIVE);
      }
    }
  }

  @Test
  void aBatchIsBoundedByTheContractsMaximum() throws Exception {
    Web3j web3 = Web3j.build(new HttpService(local.rpcUrl().toString()));
    try {
      ShardLedger ledger = ShardLedger.load(local.deployment().ledger().toHex(), web3,
          new ReadonlyTransactionManager(web3, Address.ZERO.toHex()), new DefaultGasProvider());
      assertThat(ledger.MAX_BATCH().send()).isEqualTo(BigInteger.valueOf(Deals.MAX_BATCH));
    } finally {
      web3.shutdown();
    }
    try (Chain owner = local.connect(OWNER)) {
      long first = owner.currentEpoch() + 2;
      ProposalTerms one = new ProposalTerms(OPERATOR.address(), commitment(), 4, BigInteger.ONE, first, first);
      List<ProposalTerms> tooMany = java.util.Collections.nCopies(Deals.MAX_BATCH + 1, one);
      assertThatThrownBy(() -> owner.deals().proposeBatch(tooMany)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1 to 64 deals, not 65");
      assertThatThrownBy(() -> owner.deals().proposeBatch(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
  }

  static ShardCommitment commitment() {
    return new CommitmentBuilder(1024).update(new byte[3000]).finish();
  }

  static long activeDeal(Chain owner, int epochs) throws Exception {
    long first = owner.currentEpoch() + 1;
    long dealId = owner.deals().propose(OPERATOR.address(), commitment(), 4, BigInteger.ONE, first,
        first + epochs - 1);
    owner.deals().activate(dealId, local.deployment().domain().sign(
        owner.deals().get(dealId).orElseThrow().deal().acceptance(), OPERATOR)).mined();
    return dealId;
  }
}
