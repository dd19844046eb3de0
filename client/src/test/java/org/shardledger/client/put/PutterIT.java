package org.shardledger.client.put;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.client.disk.DiskSpace;
import org.shardledger.client.file.EncodeOptions;
import org.shardledger.client.file.EncodedFile;
import org.shardledger.client.file.FileDecoder;
import org.shardledger.client.file.FileEncoder;
import org.shardledger.client.file.ProgressListener;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestVerifier;
import org.shardledger.client.put.OwnerChain.RegisteredOperator;
import org.shardledger.client.retrieval.Holder;
import org.shardledger.client.retrieval.ServingOperator;
import org.shardledger.client.retrieval.ShardFetcher;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.terms.OperatorTerms;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;

/** The put core against real wire servers on 127.0.0.1 and a chain in memory. */
class PutterIT {
  private static final long CHAIN = 31337;
  private static final Address LEDGER = Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
  private static final Eip712Domain DOMAIN = Eip712Domain.shardledger(CHAIN, LEDGER);
  private static final KeyPair OWNER =
      KeyPair.fromPrivateKeyHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final List<String> REGIONS = List.of("eu", "us", "ap");

  @TempDir
  Path dir;

  private final List<ServingOperator> operators = new ArrayList<>();
  private InMemoryOwnerChain chain;
  private WireClient wire;
  private Path input;

  @BeforeEach
  void start() throws Exception {
    chain = new InMemoryOwnerChain(OWNER.address(), DOMAIN, BigInteger.valueOf(1_000_000));
    for (int i = 0; i < 8; i++) {
      ServingOperator op = new ServingOperator(KeyPair.fromPrivateKey(BigInteger.valueOf(0x200 + i)), DOMAIN);
      op.deals = chain::deal;
      op.terms = new OperatorTerms(op.operator(), BigInteger.valueOf(10 + i), 1000, 1L << 40, 10, 100, 1L << 40,
          1L << 40, 3);
      operators.add(op);
      chain.operators.add(new RegisteredOperator(op.operator(), REGIONS.get(i % 3), op.address()));
    }
    wire = new WireClient(ClientSettings.defaults(DOMAIN).withRequestTimeout(Duration.ofSeconds(10)), OWNER);
    input = dir.resolve("photo.raw");
    byte[] data = new byte[5 << 20];
    new Random(9).nextBytes(data);
    Files.write(input, data);
  }

  @AfterEach
  void stop() {
    wire.close();
    operators.forEach(ServingOperator::close);
  }

  private EncodedFile encode() throws Exception {
    return new FileEncoder(new EncodeOptions(4, 2, 4 << 20), new SecureRandom(), ProgressListener.NONE,
        DiskSpace.OF_FILE_STORE).encode(input, dir.resolve("spool"), OWNER, CHAIN, LEDGER);
  }

  private Putter putter() {
    return new Putter(chain, wire, OWNER, PutProgress.NONE);
  }

  private Path getBack(Path manifestFile, PutResult result) throws Exception {
    Path got = Files.createDirectories(dir.resolve("got"));
    ShardFetcher fetcher = new ShardFetcher(wire, t -> DOMAIN.sign(t, OWNER), root -> chain.deals.values().stream()
        .filter(d -> d.commitment().root().equals(root) && chain.status.get(d.id()) == DealStatus.ACTIVE)
        .map(d -> new Holder(d.id(), d.operator(), chain.operators.stream()
            .filter(o -> o.operator().equals(d.operator())).findFirst().orElseThrow().endpoint())).toList(),
        Duration.ofMinutes(5));
    for (ManifestPart part : result.manifest().parts()) {
      fetcher.fetchPart(result.manifest().fileId(), part, got, ProgressListener.NONE);
    }
    Path out = dir.resolve("back.raw");
    new FileDecoder(new ManifestVerifier(CHAIN, LEDGER), ProgressListener.NONE, DiskSpace.OF_FILE_STORE)
        .decode(manifestFile, got, out, dir, OWNER);
    return out;
  }

  @Test
  void aFileIsPlacedProposedUploadedActivatedAndComesBackWithAFixedHandfulOfTransactions() throws Exception {
    EncodedFile encoded = encode();
    PutPlan plan = putter().plan(encoded, PutOptions.defaults());
    assertThat(plan.parts()).hasSize(2);
    assertThat(plan.parts()).allSatisfy(p -> assertThat(p.placement().shardsPerRegion().values())
        .allMatch(n -> n <= 2));
    assertThat(plan.describe()).contains("part 0 shard 0 ->", "cost:");
    Path manifestOut = dir.resolve("photo.manifest.json");
    PutResult result = putter().store(plan, manifestOut);

    assertThat(result.deals()).hasSize(12);
    assertThat(result.deals()).allMatch(id -> chain.status.get(id) == DealStatus.ACTIVE);
    assertThat(result.cancelled()).as("the races' losers").hasSize(2)
        .allMatch(id -> chain.status.get(id) == DealStatus.CANCELLED);
    assertThat(result.transactions()).as("propose, activate, cancel").isEqualTo(3);
    assertThat(result.manifest().parts()).allSatisfy(p -> assertThat(p.shards())
        .allSatisfy(s -> assertThat(s.deals()).hasSize(1)));
    assertThat(encoded.shardFiles()).as("the spool is removed").allMatch(f -> !Files.exists(f));
    assertThat(PutJournal.of(manifestOut)).doesNotExist();
    assertThat(chain.escrowed()).isEqualTo(result.costPerEpoch().multiply(BigInteger.valueOf(plan.epochs())));
    assertThat(Files.mismatch(getBack(manifestOut, result), input)).isEqualTo(-1);
  }

  @Test
  void anOperatorThatRefusesItsUploadIsReplacedAndItsProposalCancelled() throws Exception {
    operators.get(0).refuseUploads = true;
    operators.get(4).refuseUploads = true;
    EncodedFile encoded = encode();
    Path manifestOut = dir.resolve("photo.manifest.json");
    PutResult result = putter().store(putter().plan(encoded, PutOptions.defaults().withExtraUploads(0)),
        manifestOut);
    assertThat(result.deals()).hasSize(12).allMatch(id -> chain.status.get(id) == DealStatus.ACTIVE)
        .noneMatch(id -> chain.deals.get(id).operator().equals(operators.get(0).operator())
            || chain.deals.get(id).operator().equals(operators.get(4).operator()));
    assertThat(result.cancelled()).isNotEmpty().allMatch(id -> chain.status.get(id) == DealStatus.CANCELLED);
    assertThat(Files.mismatch(getBack(manifestOut, result), input)).isEqualTo(-1);
  }

  @Test
  void fewerEligibleOperatorsThanKPlusMIsRefusedBeforeAnyTransaction() throws Exception {
    EncodedFile encoded = encode();
    assertThatThrownBy(() -> putter().plan(encoded, PutOptions.defaults().withRegions(Set.of("eu", "us"))
        .withMaxPrice(BigInteger.valueOf(13))))
        .isInstanceOf(PutRefusedException.class).hasMessageContaining("need 6 distinct operators")
        .hasMessageContaining("region ap is not allowed").hasMessageContaining("asks 14 per GiB-epoch");
    assertThat(chain.transactions.get()).isZero();
  }

  @Test
  void notEnoughCreditsForTheEscrowIsRefusedBeforeAnyTransaction() throws Exception {
    chain = new InMemoryOwnerChain(OWNER.address(), DOMAIN, BigInteger.TEN);
    chain.operators.addAll(List.copyOf(operatorsOf()));
    operators.forEach(op -> op.deals = chain::deal);
    EncodedFile encoded = encode();
    PutPlan plan = putter().plan(encoded, PutOptions.defaults());
    assertThatThrownBy(() -> putter().store(plan, dir.resolve("m.json"))).isInstanceOf(PutRefusedException.class)
        .hasMessageContaining("the owner has 10");
    assertThat(chain.transactions.get()).isZero();
  }

  private List<RegisteredOperator> operatorsOf() {
    List<RegisteredOperator> out = new ArrayList<>();
    for (int i = 0; i < operators.size(); i++) {
      out.add(new RegisteredOperator(operators.get(i).operator(), REGIONS.get(i % 3), operators.get(i).address()));
    }
    return out;
  }

  @Test
  void aPutThatRunsOutOfOperatorsCancelsEverythingAndRemovesItsSpool() throws Exception {
    for (int i = 0; i < 8; i++) {
      operators.get(i).refuseUploads = i >= 3;
    }
    EncodedFile encoded = encode();
    PutPlan plan = putter().plan(encoded, PutOptions.defaults());
    Path manifestOut = dir.resolve("photo.manifest.json");
    assertThatThrownBy(() -> putter().store(plan, manifestOut)).isInstanceOf(PutFailedException.class)
        .hasMessageContaining("no eligible operator is left").hasMessageContaining("cancelled")
        .hasMessageContaining("removed 12 spooled shard files");
    assertThat(chain.status.values()).allMatch(s -> s == DealStatus.CANCELLED);
    assertThat(chain.escrowed()).as("no escrow stays locked").isZero();
    assertThat(chain.balance()).isEqualTo(BigInteger.valueOf(1_000_000));
    assertThat(manifestOut).doesNotExist();
    assertThat(PutJournal.of(manifestOut)).doesNotExist();
  }

  /** A put killed between its uploads and its activation (an Error is not caught: nothing cleans up). */
  @Test
  void aPutKilledBeforeActivationIsCleanedUpByTheNextRun() throws Exception {
    EncodedFile encoded = encode();
    PutPlan plan = putter().plan(encoded, PutOptions.defaults());
    Path manifestOut = dir.resolve("photo.manifest.json");
    chain.dieOnActivate = new Error("kill -9");
    assertThatThrownBy(() -> putter().store(plan, manifestOut)).hasMessage("kill -9");
    assertThat(PutJournal.of(manifestOut)).exists();
    assertThat(chain.escrowed()).isPositive();
    assertThatThrownBy(() -> putter().store(plan, manifestOut)).isInstanceOf(PutRefusedException.class)
        .hasMessageContaining("did not finish");

    assertThat(Putter.recover(chain, manifestOut)).get().asString().contains("cancelled 14 open proposals")
        .contains("removed 12 spooled shard files");
    assertThat(chain.escrowed()).isZero();
    assertThat(PutJournal.of(manifestOut)).doesNotExist();
    assertThat(Putter.recover(chain, manifestOut)).isEmpty();
  }

  @Test
  void anUnreachableOperatorIsLeftOutOfThePlanWithTheReason() throws Exception {
    operators.get(2).close();
    PutPlan plan = putter().plan(encode(), PutOptions.defaults());
    assertThat(plan.excluded()).anySatisfy(e -> {
      assertThat(e.operator()).isEqualTo(operators.get(2).operator());
      assertThat(e.reason()).contains("TERMS");
    });
    assertThat(plan.parts()).allSatisfy(p -> assertThat(p.placement().assignments())
        .noneMatch(a -> a.operator().equals(operators.get(2).operator())));
  }

  @Test
  void anOperatorGoneBetweenPlanAndUploadIsReplaced() throws Exception {
    EncodedFile encoded = encode();
    PutPlan plan = putter().plan(encoded, PutOptions.defaults().withExtraUploads(0));
    Address chosen = plan.parts().getFirst().placement().assignments().getFirst().operator();
    operators.stream().filter(o -> o.operator().equals(chosen)).findFirst().orElseThrow().close();
    Path manifestOut = dir.resolve("photo.manifest.json");
    PutResult result = putter().store(plan, manifestOut);
    assertThat(result.deals()).noneMatch(id -> chain.deals.get(id).operator().equals(chosen));
    assertThat(Files.mismatch(getBack(manifestOut, result), input)).isEqualTo(-1);
  }

  /** The chain moved past the deals' first epoch while they uploaded: activation is refused, nothing stays open. */
  @Test
  void aProposalThatExpiresMidUploadFailsThePutAndIsCancelled() throws Exception {
    PutPlan plan = putter().plan(encode(), PutOptions.defaults());
    chain.epoch = plan.firstEpoch() + 1;
    assertThatThrownBy(() -> putter().store(plan, dir.resolve("m.json"))).isInstanceOf(PutFailedException.class)
        .hasMessageContaining("ActivationWindowClosed").hasMessageContaining("cancelled 14 proposals");
    assertThat(chain.escrowed()).isZero();
  }
}
