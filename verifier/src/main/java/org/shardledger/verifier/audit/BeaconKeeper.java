package org.shardledger.verifier.audit;

import java.io.IOException;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.verifier.VerifierStatusLog;

/**
 * Records every epoch's beacon that nobody recorded yet, while the EVM can still read its block (256 blocks).
 * Verifiers and ledgers all do this, on their own loop, so no single party can starve an epoch of its beacon —
 * and a verifier busy auditing a slow epoch does not let the next one go unaudited.
 */
public final class BeaconKeeper {
  private final Deployment deployment;
  private final Chain chain;
  private final VerifierStatusLog status;
  private long recordedThrough = -1;

  public BeaconKeeper(Deployment deployment, Chain chain, VerifierStatusLog status) {
    this.deployment = deployment;
    this.chain = chain;
    this.status = status;
  }

  /** One round: checks the epochs since the last one known recorded, up to the current one. */
  public void keep() throws IOException {
    long head = chain.blockNumber();
    long current = deployment.epochOf(head);
    long oldestReadable = deployment.epochOf(Math.max(0, head - EpochAuditor.BLOCKHASH_WINDOW + 1)) + 1;
    for (long epoch = Math.max(recordedThrough + 1, oldestReadable); epoch <= current; epoch++) {
      if (head <= deployment.epochStartBlock(epoch)) {
        break;
      }
      if (chain.beacons().get(epoch).isEmpty()) {
        if (!chain.beacons().record(epoch).succeeded()) {
          break;
        }
        status.beaconRecorded(epoch);
      }
      recordedThrough = epoch;
    }
  }
}
