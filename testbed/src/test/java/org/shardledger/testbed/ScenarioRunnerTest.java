package org.shardledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
  @Test
  void aFaultAccountsForVerdictsFromTheEpochBeforeItToTheEpochAfterIt() {
    ScenarioRunner.Fault f = new ScenarioRunner.Fault(ScenarioRunner.Kind.KILL_9, "verifier-2", 10, 5000, 12);
    assertThat(f.explains(8)).isFalse();
    assertThat(f.explains(9)).isTrue();
    assertThat(f.explains(11)).isTrue();
    assertThat(f.explains(13)).isTrue();
    assertThat(f.explains(14)).isFalse();
  }

  @Test
  void theReportsFiguresAreTheMedianAndMaxOfWhatWasMeasured() {
    assertThat(ScenarioRunner.median(List.of(30L, 10L, 20L))).isEqualTo(20);
    assertThat(ScenarioRunner.max(List.of(30L, 10L, 20L))).isEqualTo(30);
    assertThat(ScenarioRunner.median(List.of())).isEqualTo(-1);
  }
}
