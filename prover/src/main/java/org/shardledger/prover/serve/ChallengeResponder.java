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
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofCodec;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.chain.BeaconSource;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StoredShard;
import org.shardledger.prover.store.ShardReader;
import org.shardledger.wire.message.ErrorCode;
import org.shardledger.wire.server.OperatorBackend.ChallengeAnswer;
import org.shardledger.wire.server.OperatorBackend.Refusal;
import org.shardledger.wire.server.OperatorBackend.SignedNoData;
import org.shardledger.wire.server.OperatorBackend.SignedProof;

/**
 * Answers CHALLENGE(deal, epoch). The challenge is derived here, from the beacon this node sees on chain and the
 * deal's own sample count — never from anything the peer sends — so a lying verifier cannot get a signed proof for
 * other indices. Every proof is checked against the deal's commitment before it is signed: a shard that fails is
 * marked corrupted and answered with a signed no-data, as is any shard already marked.
 */
public final class ChallengeResponder {
  private final ShardStore store;
  private final BeaconSource beacons;
  private final OperatorIdentity identity;
  private final ProverStatusLog status;

  public ChallengeResponder(ShardStore store, BeaconSource beacons, OperatorIdentity identity,
      ProverStatusLog status) {
    this.store = store;
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
    if (shard.corrupt()) {
      return noData(deal.id(), epoch, "the shard is marked corrupted");
    }
    Optional<Bytes32> beacon = beacons.beacon(epoch);
    if (beacon.isEmpty()) {
      return refuse(deal.id(), epoch, ErrorCode.BEACON_UNKNOWN, "the beacon of epoch " + epoch
          + " is not recorded on chain (yet)");
    }
    Challenge challenge = Challenge.audit(beacon.get(), identity.chainId(), deal.id(), epoch, deal.samples());
    StorageProof proof;
    try {
      proof = build(challenge, shard);
    } catch (ShardReader.TruncatedShardException e) {
      return corrupted(deal.id(), epoch, e.getMessage());
    }
    ProofVerdict verdict = ProofVerifier.verify(deal.commitment(), challenge, proof);
    if (!verdict.isValid()) {
      return corrupted(deal.id(), epoch, verdict.toString());
    }
    byte[] encoded = StorageProofCodec.encode(proof);
    SignedProof answer = new SignedProof(Bytes.of(encoded),
        identity.sign(new ProofResponse(deal.id(), epoch, Sha256.hash(encoded))));
    status.challengeAnswered(deal.id(), epoch, proof.samples().size(), Duration.ofNanos(System.nanoTime() - started));
    return answer;
  }

  /** Reads only the challenged segments and log(n) tree nodes per sample. */
  private StorageProof build(Challenge challenge, StoredShard shard) throws IOException {
    ShardReader reader = store.reader(shard);
    return ProofBuilder.build(challenge, shard.commitment(), reader.tree(), reader);
  }

  private SignedNoData corrupted(long dealId, long epoch, String detail) throws IOException {
    store.markCorrupt(dealId, "challenge for epoch " + epoch + ": " + detail);
    status.corruptionFound(dealId, detail);
    return noData(dealId, epoch, detail);
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
