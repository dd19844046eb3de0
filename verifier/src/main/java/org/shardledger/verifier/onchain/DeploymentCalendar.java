package org.shardledger.verifier.onchain;

import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.verifier.audit.EpochCalendar;

/** The epochs of a deployment; a beacon can be recorded while the EVM can still read its block's hash. */
public record DeploymentCalendar(Deployment deployment) implements EpochCalendar {
  @Override
  public long epochOf(long block) {
    return deployment.epochOf(block);
  }

  @Override
  public long startBlock(long epoch) {
    return deployment.epochStartBlock(epoch);
  }

  @Override
  public long beaconDeadline(long epoch) {
    return deployment.epochStartBlock(epoch) + BeaconRecorder.WINDOW;
  }
}
