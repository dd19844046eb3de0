package org.shardledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.Address;

class TestkitTest {
  @Test
  void seedsAreRepeatableDistinctAndAsManyAsTheTries() {
    List<Long> a = PropertySeeds.seeds().toList();
    assertThat(a).hasSize(PropertySeeds.tries()).doesNotHaveDuplicates().isEqualTo(PropertySeeds.seeds().toList());
    assertThat(a.getFirst()).isEqualTo(PropertySeeds.BASE);
    assertThat(PropertySeeds.seeds(0xC0DE_0000L, 3).toList().getFirst()).isEqualTo(0xC0DE_0000L);
  }

  @Test
  void anExpensivePropertyStillRunsAtLeastOneCase() {
    assertThat(PropertySeeds.tries(1_000_000)).isEqualTo(1);
    assertThat(PropertySeeds.tries(4)).isEqualTo(Math.max(1, PropertySeeds.tries() / 4));
  }

  @Test
  void theTestDomainIsAnvilsChainAndTheFirstContractDevAccountZeroDeploys() {
    assertThat(TestDomain.DOMAIN.chainId()).isEqualTo(31337);
    assertThat(TestDomain.DOMAIN.verifyingContract())
        .isEqualTo(Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"));
  }

  @Test
  void theVerifierKeysAreDevAccountsSevenToNine() {
    assertThat(TestKeys.VERIFIERS).extracting(k -> k.address())
        .containsExactly(DevAccounts.key(7).address(), DevAccounts.key(8).address(), DevAccounts.key(9).address());
    assertThat(TestKeys.verifiers(2)).containsExactlyElementsOf(TestKeys.VERIFIERS.subList(0, 2));
  }

  @Test
  void randomAccountsFollowTheSeedAndDiffer() {
    assertThat(RandomAccounts.addresses(new Random(7), 5)).isEqualTo(RandomAccounts.addresses(new Random(7), 5));
    assertThat(new HashSet<>(RandomAccounts.addresses(new Random(8), 50))).hasSize(50);
    assertThat(RandomAccounts.key(new Random(9)).address()).isEqualTo(RandomAccounts.key(new Random(9)).address());
  }
}
