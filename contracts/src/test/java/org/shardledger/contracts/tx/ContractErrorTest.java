package org.shardledger.contracts.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractErrorTest {
  private final Set<String> inAbis = RevertDecoder.forProjectContracts().errorNames();

  @Test
  void everyErrorTheNodeReactsToIsDeclaredByTheCompiledContracts() {
    // a Solidity rename leaves the old name here: the node would silently stop recognising the revert
    assertThat(inAbis).containsAll(Arrays.stream(ContractError.values()).map(Enum::name).toList());
  }

  @Test
  void theAbisAreReadAndANameTheyDoNotDeclareIsAbsent() {
    assertThat(inAbis).contains("Error", "Panic", "InvalidBatch").doesNotContain("EpochAlreadySettledd");
  }

  @Test
  void aDecodedRevertIsMatchedByNameOnly() {
    DecodedRevert settled = new DecodedRevert("EpochAlreadySettled", java.util.List.of(7L), "0x");
    assertThat(ContractError.EpochAlreadySettled.is(settled)).isTrue();
    assertThat(ContractError.NothingToClaim.is(settled)).isFalse();
    assertThat(ContractError.EpochAlreadySettled.is(DecodedRevert.unknown("0x12345678"))).isFalse();
  }
}
