package org.shardledger.prover.serve;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.ProofResponse;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofCodec;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.view.BeaconSource;
import org.shardledger.prover.store.StoredShard;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.server.OperatorBackend.ChallengeAnswer;
import org.shardledger.wire.server.OperatorBackend.Refusal;
import org.shardledger.wire.server.OperatorBackend.SignedNoData;
import org.shardledger.wire.server.OperatorBackend.SignedProof;

/**
 * Answers CHALLENGE(deal, epoch). The challenge is derived here, from the beacon this node sees on chain and the
 * deal's own sample count — never from anything the peer sends — so a lying verifier cannot get a signed proof for
 * other indices. Proofs come from the {@link ShardProver}, checked before they are signed; a shard it finds (or
 * found) damaged is answered with a signed no-data.
 */
public final class ChallengeResponder {
  private final ShardProver prover;
  private final BeaconSource beacons;
  private final OperatorIdentity identity;
  private final ProverStatusLog status;

  public ChallengeResponder(ShardProver prover, BeaconSource beacons, OperatorIdentity identity,
      ProverStatusLog status) {
    this.prover = prover;
    this.beacons = beacons;
    this.identity = identity;
    this.status = status;
  }

  /** The answer for a deal the node holds and that names this operator. */
  public ChallengeAnswer answer(Deal deal, StoredShard shard, long epoch) throws IOException {
    long started = System.nanoTime();
    if (!deal.covers(epoch)) {
      return refuse(deal.id(), epoch, ErrorCode.EPOCH_OUT_OF_RANGE, "deal " + deal.id() + " covers epochs "
          + deal.firstEpoch() + ".." + deal.lastEpoch());
    }
    Optional<Bytes32> beacon = beacons.beacon(epoch);
    if (beacon.isEmpty()) {
      return refuse(deal.id(), epoch, ErrorCode.BEACON_UNKNOWN, "the beacon of epoch " + epoch
          + " is not recorded on chain (yet)");
    }
    Challenge challenge = Challenge.audit(beacon.get(), identity.chainId(), deal.id(), epoch, deal.samples());
    StorageProof proof;
    switch (prover.prove(deal, shard, challenge)) {
      case ShardProver.Proved p -> proof = p.proof();
      case ShardProver.Damaged d -> {
        return noData(deal.id(), epoch, d.detail());
      }
      case ShardProver.NotHeld n -> {
        return refuse(deal.id(), epoch, ErrorCode.UNKNOWN_DEAL, "not held");
      }
    }
    byte[] encoded = StorageProofCodec.encode(proof);
    SignedProof answer = new SignedProof(Bytes.of(encoded),
        identity.sign(new ProofResponse(deal.id(), epoch, Sha256.hash(encoded))));
    status.challengeAnswered(deal.id(), epoch, proof.samples().size(), Duration.ofNanos(System.nanoTime() - started));
    return answer;
  }

  private SignedNoData noData(long dealId, long epoch, String reason) {
    status.noDataSigned(dealId, epoch, reason);
    return new SignedNoData(identity.sign(new ProofResponse(dealId, epoch, Bytes32.ZERO)));
  }

  private Refusal refuse(long dealId, long epoch, ErrorCode code, String reason) {
    status.challengeRefused(dealId, epoch, code.name(), reason);
    return new Refusal(code, reason);
  }
}
