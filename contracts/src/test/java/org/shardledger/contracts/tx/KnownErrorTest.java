package org.shardledger.contracts.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownErrorTest {
  private final Set<String> inAbis = RevertDecoder.forProjectContracts().errorNames();

  @Test
  void everyErrorTheNodeReactsToIsDeclaredByTheCompiledContracts() {
    // a Solidity rename leaves the old name here: the node would silently stop recognising the revert
    assertThat(inAbis).containsAll(Arrays.stream(KnownError.values()).map(Enum::name).toList());
  }

  @Test
  void theAbisAreReadAndANameTheyDoNotDeclareIsAbsent() {
    assertThat(inAbis).contains("Error", "Panic", "InvalidBatch").doesNotContain("EpochAlreadySettledd");
  }

  @Test
  void aDecodedRevertIsMatchedByNameOnly() {
    ContractError settled = new ContractError("EpochAlreadySettled", java.util.List.of(7L), "0x");
    assertThat(KnownError.EpochAlreadySettled.is(settled)).isTrue();
    assertThat(KnownError.NothingToClaim.is(settled)).isFalse();
    assertThat(KnownError.EpochAlreadySettled.is(ContractError.unknown("0x12345678"))).isFalse();
  }
}
