package org.shardledger.verifier.onchain;

import org.shardledger.contracts.chain.Deployment;
import org.shardledger.verifier.audit.EpochCalendar;

/** The epochs of a deployment. */
public record DeploymentCalendar(Deployment deployment) implements EpochCalendar {
  @Override
  public long epochOf(long block) {
    return deployment.epochOf(block);
  }

  @Override
  public long startBlock(long epoch) {
    return deployment.epochStartBlock(epoch);
  }
}
