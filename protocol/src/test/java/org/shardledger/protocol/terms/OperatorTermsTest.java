package org.shardledger.protocol.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardCommitment;

class OperatorTermsTest {
  private static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0xabc));
  private static final Address OWNER = Address.fromHex("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
  private static final long GIB = 1L << 30;
  private static final OperatorTerms TERMS = new OperatorTerms(OPERATOR.address(), BigInteger.valueOf(1024), 100,
      GIB, 4, 8, 4 * GIB, 10 * GIB, 7);

  private static Deal deal(long size, long price, long first, long last) {
    return new Deal(1, OWNER, OPERATOR.address(), new ShardCommitment(Bytes32.ZERO, size, 4096), 4,
        BigInteger.valueOf(price), first, last);
  }

  private static Optional<TermsRule> rule(Deal deal) {
    return TERMS.check(deal, 7).map(TermsBreach::rule);
  }

  @Test
  void admitsADealAtTheLimitsAndNamesEachRuleJustPastThem() {
    assertThat(rule(deal(GIB, 1024, 11, 110))).isEmpty();
    assertThat(rule(deal(GIB, 1024, 11, 111))).contains(TermsRule.MAX_DURATION);
    assertThat(rule(deal(GIB + 1, 2048, 11, 110))).contains(TermsRule.MAX_SHARD_SIZE);
    assertThat(rule(deal(GIB, 1024, 12, 110))).contains(TermsRule.MAX_START_DELAY);
    assertThat(rule(deal(GIB, 1023, 11, 110))).contains(TermsRule.MIN_PRICE);
  }

  @Test
  void thePriceIsProRataBySize() {
    assertThat(rule(deal(GIB / 1024, 1, 7, 7))).as("1 per epoch for a MiB is 1024 per GiB").isEmpty();
    assertThat(rule(deal(GIB / 1024 + 1, 1, 7, 7))).contains(TermsRule.MIN_PRICE);
    assertThat(rule(deal(4096, 0, 7, 7))).as("free deals are refused at any size").contains(TermsRule.MIN_PRICE);
  }

  @Test
  void theLongestDealTheNodeHoldsBreaksTheDurationWithoutOverflow() {
    Deal forever = deal(4096, 1_000_000, 0, Deal.MAX_LAST_EPOCH);
    assertThat(TERMS.check(forever, Long.MAX_VALUE).map(TermsBreach::message)).get().asString()
        .startsWith("rule maxDurationEpochs: the deal runs 9223372036854775807 epochs");
    OperatorTerms open = new OperatorTerms(OPERATOR.address(), BigInteger.ZERO, Long.MAX_VALUE, Long.MAX_VALUE,
        Long.MAX_VALUE, 1, 0, 0, 0);
    assertThat(open.check(forever, Long.MAX_VALUE - 1)).isEmpty();
  }

  @Test
  void isSignedAsEip712OperatorTerms() {
    Eip712Domain domain = Eip712Domain.shardledger(31337,
        Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"));
    assertThat(TERMS.typeString()).isEqualTo("OperatorTerms(address operator,uint256 minPricePerGiBEpoch,"
        + "uint64 maxDurationEpochs,uint64 maxShardBytes,uint64 maxStartDelayEpochs,uint32 maxOpenProposalsPerOwner,"
        + "uint64 maxUnactivatedBytes,uint64 freeBytes,uint64 issuedEpoch)");
    assertThat(TERMS.encodeMembers().toArray()).hasSize(9 * 32);
    assertThat(domain.signer(TERMS, domain.sign(TERMS, OPERATOR))).contains(OPERATOR.address());
    OperatorTerms lessFree = new OperatorTerms(OPERATOR.address(), BigInteger.valueOf(1024), 100, GIB, 4, 8, 4 * GIB,
        10 * GIB - 1, 7);
    assertThat(domain.digest(lessFree)).isNotEqualTo(domain.digest(TERMS));
  }

  @Test
  void rejectsNegativeLimits() {
    assertThatThrownBy(() -> new OperatorTerms(OPERATOR.address(), BigInteger.ONE.negate(), 1, 1, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OperatorTerms(OPERATOR.address(), BigInteger.ONE, 0, 1, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
