package org.shardledger.verifier.settlement;

import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an operator of a verifier should notice about settlement signing, one named method per event. */
final class SigningStatusLog {
  private static final Logger LOG = LoggerFactory.getLogger(SigningStatusLog.class);

  void signed(long fromEpoch, long epoch, Bytes32 root, Address signer) {
    LOG.info("signed the settlement of epochs {}..{}: payout root {} (as {})", fromEpoch, epoch, root, signer);
  }

  void signedAgain(long epoch) {
    LOG.info("signed the settlement of epoch {} again (asked twice; the same settlement)", epoch);
  }

  void replayed(long fromEpoch, long epoch) {
    LOG.info("caught up with the settlement of epochs {}..{} that landed on chain without my signature", fromEpoch,
        epoch);
  }

  void notReady(long epoch, String reason) {
    LOG.info("not ready to sign the settlement of epoch {}: {}", epoch, reason);
  }

  void refused(long epoch, String reason) {
    LOG.warn("refused to sign the settlement of epoch {}: {}", epoch, reason);
  }
}
