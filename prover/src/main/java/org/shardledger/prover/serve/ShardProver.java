package org.shardledger.prover.serve;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.store.ShardReader;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.prover.store.StoredShard;

/**
 * Builds storage proofs from the shard store — the challenged segments and log(n) cached tree nodes each — and
 * checks every one against the deal's commitment before anyone sees it. A shard that fails is marked corrupted
 * and reported. Serves epoch challenges ({@link ChallengeResponder}) and on-chain disputes alike: for a dispute,
 * pass {@code new Challenge(ChallengeKind.DISPUTE, blockhash(openBlock + 1), chainId, dealId, disputeId, k)}.
 */
public final class ShardProver {
  private final ShardStore store;
  private final ProverStatusLog status;

  public ShardProver(ShardStore store, ProverStatusLog status) {
    this.store = store;
    this.status = status;
  }

  /** What an attempt to prove came to. */
  public sealed interface Attempt permits Proved, NotHeld, Damaged {}

  /** A proof that verifies against the deal's commitment. */
  public record Proved(StorageProof proof) implements Attempt {}

  /** The node holds no shard of the deal. */
  public record NotHeld() implements Attempt {}

  /** The shard is (now) marked corrupted: the node cannot prove it. */
  public record Damaged(String detail) implements Attempt {}

  public Attempt prove(Deal deal, Challenge challenge) throws IOException {
    Optional<StoredShard> held = store.find(deal.id());
    if (held.isEmpty()) {
      return new NotHeld();
    }
    return prove(deal, held.get(), challenge);
  }

  Attempt prove(Deal deal, StoredShard shard, Challenge challenge) throws IOException {
    if (shard.corrupt()) {
      return new Damaged("the shard is marked corrupted");
    }
    StorageProof proof;
    try {
      ShardReader reader = store.reader(shard);
      proof = ProofBuilder.build(challenge, shard.commitment(), reader.tree(), reader);
    } catch (ShardReader.TruncatedShardException e) {
      return damaged(deal, challenge, e.getMessage());
    }
    ProofVerdict verdict = ProofVerifier.verify(deal.commitment(), challenge, proof);
    return verdict.isValid() ? new Proved(proof) : damaged(deal, challenge, verdict.toString());
  }

  private Damaged damaged(Deal deal, Challenge challenge, String detail) throws IOException {
    store.markCorrupt(deal.id(), challenge.kind() + " " + challenge.epoch() + ": " + detail);
    status.corruptionFound(deal.id(), detail);
    return new Damaged(detail);
  }
}
