package org.shardledger.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.crypto.AbiWords;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The decoder over random and extreme field values (what a contract that lets odd values through could emit, and
 * data that is not even ABI): it never throws and always gives a value — the typed event when every field fits,
 * otherwise an unusable deal, operator or log naming what did not fit.
 */
class EventDecoderPropertyTest {
  private static final BigInteger TWO_63 = BigInteger.TWO.pow(63);
  private static final BigInteger[] EXTREMES = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(4096),
      BigInteger.valueOf(Integer.MAX_VALUE), BigInteger.TWO.pow(31), BigInteger.TWO.pow(32).subtract(BigInteger.ONE),
      TWO_63.subtract(BigInteger.ONE), TWO_63, BigInteger.TWO.pow(64).subtract(BigInteger.TWO),
      BigInteger.TWO.pow(64).subtract(BigInteger.ONE), BigInteger.TWO.pow(64), BigInteger.TWO.pow(255)};
  private static final String OPERATOR = "0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8";

  private final EventDecoder decoder = new EventDecoder();

  static Stream<Long> seeds() {
    return LongStream.range(0, Integer.getInteger("shardledger.property.tries", 100))
        .map(i -> 0x5eed_0000L + i * 0x9E3779B97F4A7C15L).boxed();
  }

  private static BigInteger value(SplittableRandom r, int bits) {
    return switch (r.nextInt(3)) {
      case 0 -> EXTREMES[r.nextInt(EXTREMES.length)];
      case 1 -> new BigInteger(bits, new java.util.Random(r.nextLong()));
      default -> BigInteger.valueOf(r.nextInt(1 << 20));
    };
  }

  private static Log log(String topic0, List<String> indexed, String data) {
    List<String> topics = new ArrayList<>();
    topics.add(topic0);
    topics.addAll(indexed);
    return new Log(false, "0x0", "0x5", "0x" + "ab".repeat(32), "0x" + "cd".repeat(32), "0x10",
        "0x5fbdb2315678afecb367f032d93f642f64180aa3", data, null, topics);
  }

  private static String word(BigInteger v) {
    return Hex.encode(new AbiWords().uint(v.mod(BigInteger.TWO.pow(256))).toArray());
  }

  /** The data of a log: the ABI encoding, sometimes cut short or with junk appended. */
  private static String data(SplittableRandom r, List<Type> fields) {
    String hex = FunctionEncoder.encodeConstructor(fields);
    return switch (r.nextInt(8)) {
      case 0 -> "0x" + hex.substring(0, r.nextInt(hex.length() / 2 + 1) * 2);
      case 1 -> "0x" + hex + "ff".repeat(r.nextInt(40));
      default -> "0x" + hex;
    };
  }

  private static boolean fits63(BigInteger v) {
    return v.signum() >= 0 && v.compareTo(TWO_63) < 0;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dealProposedIsAlwaysADealOrAnUnusableDeal(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BigInteger id = value(r, 256);
    BigInteger size = value(r, 64);
    BigInteger segment = r.nextBoolean() ? BigInteger.valueOf(4096) : value(r, 32);
    BigInteger samples = r.nextBoolean() ? BigInteger.valueOf(16) : value(r, 16);
    BigInteger price = value(r, 256);
    BigInteger first = value(r, 64);
    BigInteger last = r.nextBoolean() ? first.add(value(r, 64)) : value(r, 64);
    String data = data(r, List.of(new Bytes32(new byte[32]), new Uint256(size), new Uint256(segment),
        new Uint256(samples), new Uint256(price), new Uint256(first), new Uint256(last)));
    Log log = log(EventEncoder.encode(ShardLedger.DEALPROPOSED_EVENT), List.of(word(id), OPERATOR, OPERATOR), data);

    Optional<ChainEvent>[] decoded = new Optional[1];
    assertThatCode(() -> decoded[0] = decoder.decode(log)).doesNotThrowAnyException();
    ChainEvent event = decoded[0].orElseThrow();
    if (event instanceof ChainEvent.DealProposed p) {
      assertThat(BigInteger.valueOf(p.deal().id())).isEqualTo(id);
      assertThat(BigInteger.valueOf(p.deal().commitment().size())).isEqualTo(size);
      assertThat(BigInteger.valueOf(p.deal().firstEpoch())).isEqualTo(first);
      assertThat(BigInteger.valueOf(p.deal().lastEpoch())).isEqualTo(last);
      assertThat(p.deal().pricePerEpoch()).isEqualTo(price);
    } else {
      assertThat(event).isInstanceOf(ChainEvent.UnusableDeal.class);
      ChainEvent.UnusableDeal u = (ChainEvent.UnusableDeal) event;
      assertThat(u.dealId()).isEqualTo(id.mod(BigInteger.TWO.pow(256)));
      assertThat(u.event()).isEqualTo("DealProposed");
      assertThat(u.reason()).isNotBlank();
      boolean allFit = fits63(id) && id.signum() > 0 && fits63(size) && fits63(first)
          && last.compareTo(BigInteger.valueOf(Deal.MAX_LAST_EPOCH)) <= 0
          && last.compareTo(first) >= 0 && price.bitLength() <= 256 && segment.equals(BigInteger.valueOf(4096))
          && samples.signum() > 0 && samples.bitLength() <= 16 && size.signum() > 0 && data.length() == 2 + 64 * 7;
      assertThat(allFit).as("a deal whose every field fits was declared unusable: %s", u.reason()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void operatorRegisteredIsAlwaysARegistrationOrAnUnusableOperator(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BigInteger capacity = value(r, 64);
    String endpoint = r.nextInt(4) == 0 ? "é".repeat(r.nextInt(100, 400)) : "127.0.0.1:7340";
    String data = data(r, List.of(new Utf8String(endpoint), new Utf8String("eu-west"),
        new Uint256(capacity), new Uint256(value(r, 128))));
    Log log = log(EventEncoder.encode(ShardLedger.OPERATORREGISTERED_EVENT), List.of(OPERATOR), data);

    Optional<ChainEvent>[] decoded = new Optional[1];
    assertThatCode(() -> decoded[0] = decoder.decode(log)).doesNotThrowAnyException();
    ChainEvent event = decoded[0].orElseThrow();
    if (event instanceof ChainEvent.OperatorRegistered reg) {
      assertThat(BigInteger.valueOf(reg.capacity())).isEqualTo(capacity);
      assertThat(reg.endpoint()).isEqualTo(endpoint);
      assertThat(endpoint.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(ChainFields.MAX_TEXT_BYTES);
    } else {
      assertThat(event).isInstanceOf(ChainEvent.UnusableOperator.class);
      assertThat(((ChainEvent.UnusableOperator) event).operator().toHex())
          .isEqualToIgnoringCase("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
      if (fits63(capacity) && endpoint.length() < 20 && data.length() == 2 + FunctionEncoder.encodeConstructor(
          List.of(new Utf8String(endpoint), new Utf8String("eu-west"), new Uint256(capacity),
          new Uint256(BigInteger.ZERO))).length()) {
        assertThat(((ChainEvent.Unusable) event).reason()).doesNotContain("capacity");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyFollowedEventWithRandomWordsDecodesToAValue(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    var events = List.of(ShardLedger.DEALACTIVATED_EVENT, ShardLedger.DEALCANCELLED_EVENT,
        ShardLedger.BEACONRECORDED_EVENT, ShardLedger.OPERATORUPDATED_EVENT, ShardLedger.STAKEADDED_EVENT,
        ShardLedger.EXITSTARTED_EVENT, ShardLedger.STAKEWITHDRAWN_EVENT, ShardLedger.SETTLED_EVENT,
        ShardLedger.SETTLEMENTSLASH_EVENT, ShardLedger.CLAIMED_EVENT, ShardLedger.DISPUTEOPENED_EVENT,
        ShardLedger.DISPUTEANSWERED_EVENT, ShardLedger.DISPUTEUPHELD_EVENT, ShardLedger.VERIFIERSETCHANGED_EVENT);
    var event = events.get(r.nextInt(events.size()));
    List<String> indexed = new ArrayList<>();
    for (int i = 0; i < event.getIndexedParameters().size(); i++) {
      indexed.add(r.nextBoolean() ? OPERATOR : word(value(r, 256)));
    }
    StringBuilder data = new StringBuilder("0x");
    int words = event.getNonIndexedParameters().size() + r.nextInt(3) - 1;
    for (int i = 0; i < words; i++) {
      data.append(word(value(r, 256)).substring(2));
    }
    Log log = log(EventEncoder.encode(event), indexed, data.toString());
    Optional<ChainEvent>[] decoded = new Optional[1];
    assertThatCode(() -> decoded[0] = decoder.decode(log)).as(event.getName()).doesNotThrowAnyException();
    assertThat(decoded[0]).as(event.getName()).isPresent();
  }
}
