package org.shardledger.prover.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.terms.OperatorTerms;
import org.shardledger.protocol.terms.TermsBreach;
import org.shardledger.protocol.terms.TermsRule;
import org.shardledger.prover.ProverConfig;
import org.shardledger.prover.ProverNode;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.TestShards;
import org.shardledger.prover.view.InMemoryBeaconSource;
import org.shardledger.prover.view.InMemoryDealDirectory;
import org.shardledger.prover.view.ManualEpochClock;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.Failure;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.UploadResult;
import org.shardledger.wire.client.TermsResult;
import org.shardledger.wire.client.WireClient;
import org.shardledger.wire.message.ErrorCode;

/**
 * Strangers' proposals against a whole node on 127.0.0.1 (real Netty, real store, in-memory chain views), with
 * the node's default acceptance policy: the free "forever" deal is refused by a rule the error names, and a run of
 * proposals nobody activates cannot fill the disk.
 */
class HostileOwnerIT {
  private static final long NOW = 5;
  private static final long CAPACITY = 64L << 20;

  @TempDir
  Path dir;

  private final InMemoryDealDirectory deals = new InMemoryDealDirectory();
  private final ManualEpochClock clock = new ManualEpochClock(NOW);
  private ProverNode node;
  private WireClient client;
  private OperatorClient operator;

  @BeforeEach
  void start() throws Exception {
    ProverConfig config = ProverConfig.defaults(dir.resolve("node"), CAPACITY).withListen("127.0.0.1", 0)
        .withScrub(1L << 30, Duration.ofHours(1));
    node = new ProverNode(config, TestShards.IDENTITY, deals, new InMemoryBeaconSource(), clock,
        new ProverStatusLog());
    InetSocketAddress address = node.start();
    client = new WireClient(ClientSettings.defaults(TestShards.DOMAIN));
    operator = client.operator(address, TestShards.OPERATOR.address());
  }

  @AfterEach
  void stop() {
    client.close();
    node.close();
  }

  private Deal propose(long id, Address owner, int size, BigInteger price, long first, long last) throws Exception {
    Path file = TestShards.write(dir.resolve("src-" + id), size, id);
    Deal deal = new Deal(id, owner, TestShards.OPERATOR.address(), TestShards.commit(file, 4096), 4, price, first,
        last);
    deals.put(deal, DealStatus.PROPOSED);
    return deal;
  }

  private UploadResult upload(Deal deal) throws Exception {
    return operator.upload(deal, dir.resolve("src-" + deal.id())).get();
  }

  @Test
  void theFreeForeverDealIsRefusedByARuleTheErrorNames() throws Exception {
    Deal forever = propose(1, TestShards.OWNER.address(), 10_000, BigInteger.ZERO, NOW, Deal.MAX_LAST_EPOCH);
    UploadResult result = upload(forever);
    assertThat(result).as("the upload of a free deal ending in epoch 2^63-2").isInstanceOf(Failure.Rejected.class);
    assertThat(((Failure.Rejected) result).code()).isEqualTo(ErrorCode.TERMS_REFUSED);
    assertThat(((Failure.Rejected) result).message()).containsIgnoringCase("duration")
        .startsWith("rule maxDurationEpochs: the deal runs 9223372036854775802 epochs");
    assertThat(node.store().find(1)).isEmpty();
  }

  @Test
  void theNodePublishesSignedTermsThatPredictItsRefusalsAndCountItsSpace() throws Exception {
    TermsResult first = operator.terms().get();
    assertThat(first).isInstanceOf(TermsResult.Terms.class);
    OperatorTerms terms = ((TermsResult.Terms) first).terms();
    assertThat(terms.operator()).isEqualTo(TestShards.OPERATOR.address());
    assertThat(terms.issuedEpoch()).isEqualTo(NOW);
    assertThat(terms.freeBytes()).isEqualTo(CAPACITY);
    assertThat(terms.maxUnactivatedBytes()).isEqualTo(CAPACITY / 4);
    Deal forever = propose(1, TestShards.OWNER.address(), 10_000, BigInteger.ZERO, NOW, Deal.MAX_LAST_EPOCH);
    assertThat(terms.check(forever, NOW)).get().extracting(TermsBreach::rule).isEqualTo(TermsRule.MAX_DURATION);
    Deal fair = propose(2, TestShards.OWNER.address(), 100_000, BigInteger.TEN.pow(15), NOW, NOW + 10);
    assertThat(terms.check(fair, NOW)).isEmpty();
    assertThat(upload(fair)).isInstanceOf(UploadResult.Accepted.class);
    long footprint = node.store().usedBytes();
    assertThat(((TermsResult.Terms) operator.terms().get()).terms().freeBytes()).isEqualTo(CAPACITY - footprint);
  }

  @Test
  void proposalsOfOneOwnerThatNobodyActivatesCannotFillTheDisk() throws Exception {
    int accepted = 0;
    for (long id = 1; id <= 100; id++) {
      Deal deal = propose(id, TestShards.OWNER.address(), 64 * 1024, BigInteger.TEN.pow(15), NOW, NOW + 10);
      if (upload(deal) instanceof UploadResult.Accepted) {
        accepted++;
      }
    }
    assertThat(accepted).as("uploads accepted for one owner's unactivated proposals").isLessThanOrEqualTo(32);
    clock.set(NOW + 1);
    node.janitor().sweep();
    assertThat(node.store().shards()).as("shards of proposals whose activation window closed").isEmpty();
  }

  @Test
  void proposalsOfManyOwnersThatNobodyActivatesTakeABoundedShareOfTheDisk() throws Exception {
    long unactivated = 0;
    for (long id = 1; id <= 100; id++) {
      Address owner = KeyPair.fromPrivateKey(BigInteger.valueOf(1000 + id)).address();
      Deal deal = propose(id, owner, 256 * 1024, BigInteger.TEN.pow(15), NOW, NOW + 10);
      if (upload(deal) instanceof UploadResult.Accepted) {
        unactivated += deal.commitment().size();
      }
    }
    assertThat(unactivated).as("bytes accepted for strangers' unactivated proposals (capacity %d)", CAPACITY)
        .isLessThanOrEqualTo(CAPACITY / 4);
  }
}
