package org.shardledger.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.crypto.Address;

class DevnetAccountsTest {
  @Test
  void twelveOperatorsHaveDistinctAccountsNoneOfThemAnotherRolesAndSitInThreeRegionsRoundRobin() {
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      seen.add(DevAccounts.key(i).address());
    }
    Set<Address> otherRoles = Set.copyOf(seen);
    for (int i = 0; i < DevnetAccounts.MAX_OPERATORS; i++) {
      Address a = DevnetAccounts.operator(i).address();
      if (DevnetAccounts.generated(i)) {
        assertThat(seen.add(a)).as("operator " + i + " has an account of its own").isTrue();
      } else {
        assertThat(a).isEqualTo(DevAccounts.key(1 + i).address());
      }
    }
    assertThat(otherRoles).doesNotContain(DevnetAccounts.operator(4).address());
    assertThat(DevnetAccounts.region(0)).isEqualTo("region-1");
    assertThat(DevnetAccounts.region(4)).isEqualTo("region-2");
    assertThat(DevnetAccounts.region(5)).isEqualTo("region-3");
    assertThatThrownBy(() -> DevnetAccounts.operator(DevnetAccounts.MAX_OPERATORS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDevnetOfMoreOperatorsThanItHasAccountsForIsRefused() {
    assertThatThrownBy(() -> new DevnetConfig(Path.of("d"), Path.of("anvil"), 13, 1, 1, 1, 10, 0, 10, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 12 operators, got 13");
  }
}
