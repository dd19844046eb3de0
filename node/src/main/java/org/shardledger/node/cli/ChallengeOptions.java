package org.shardledger.node.cli;

import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import picocli.CommandLine.Option;

/** The options that fix a challenge: beacon, chain, deal, epoch and sample count. */
final class ChallengeOptions {
  @Option(names = "--beacon", required = true, converter = CommandValues.Bytes32Converter.class,
      description = "The epoch's beacon (0x + 64 hex digits).")
  Bytes32 beacon;

  @Option(names = "--chain-id", required = true, description = "The chain id.")
  long chainId;

  @Option(names = "--deal", required = true, description = "The deal id.")
  long dealId;

  @Option(names = "--epoch", required = true, description = "The epoch.")
  long epoch;

  @Option(names = "--samples", required = true, description = "How many segments the challenge draws (1-1024).")
  int samples;

  Challenge challenge() {
    return Challenge.audit(beacon, chainId, dealId, epoch, samples);
  }
}
