package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.shardledger.prover.policy.AcceptancePolicy;
import org.shardledger.wire.server.PeerLimits;
import picocli.CommandLine;

class AcceptanceOptionsTest {
  private static AcceptanceOptions parse(String... args) {
    AcceptanceOptions options = new AcceptanceOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void leftOutOptionsKeepTheDefaults() {
    assertThat(parse().policy(1L << 40)).isEqualTo(AcceptancePolicy.defaults(1L << 40));
    assertThat(parse().limits()).isEqualTo(PeerLimits.defaults());
  }

  @Test
  void mapsEveryOptionOntoThePolicyAndTheLimits() {
    AcceptanceOptions o = parse("--min-price", "0.5", "--max-deal-epochs", "500", "--max-shard-size", "1g",
        "--max-start-delay", "3", "--max-open-proposals", "7", "--max-unactivated", "10g",
        "--max-connections-per-ip", "4", "--max-uploads-per-ip", "1", "--min-upload-rate", "1m", "--max-staging",
        "2g");
    assertThat(o.policy(1L << 40)).isEqualTo(new AcceptancePolicy(BigInteger.TEN.pow(18).divide(BigInteger.TWO),
        500, 1L << 30, 3, 7, 10L << 30));
    PeerLimits limits = o.limits();
    assertThat(limits.maxConnectionsPerAddress()).isEqualTo(4);
    assertThat(limits.maxUploadsPerAddress()).isEqualTo(1);
    assertThat(limits.minUploadBytesPerSecond()).isEqualTo(1 << 20);
    assertThat(limits.maxStagingBytes()).isEqualTo(2L << 30);
  }

  @Test
  void badValuesAreRefusedWithTheirReason() {
    assertThatThrownBy(() -> parse("--min-price", "-1").policy(1 << 30)).hasMessageContaining("--min-price");
    assertThatThrownBy(() -> parse("--max-deal-epochs", "0").policy(1 << 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("--max-uploads-per-ip", "0").limits()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProverCommandListsThem() {
    CliRun run = CliRun.of("prover", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--min-price", "--max-deal-epochs", "--max-shard-size", "--max-start-delay",
        "--max-open-proposals", "--max-unactivated", "--max-connections-per-ip", "--max-uploads-per-ip",
        "--min-upload-rate", "--max-staging");
  }
}
