package org.shardledger.protocol.eip712;

import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;

/**
 * The deal owner's permission for {@code requester} to retrieve the deal's shard until {@code expiresAt} (Unix
 * seconds). An operator serves a retrieval only with one, and only to a peer that proved it holds the requester's
 * key in the wire handshake: otherwise any operator could rebuild a shard it dropped from its peers on demand and
 * still answer challenges (DESIGN.md, "Retrieval").
 */
public record RetrievalTicket(long dealId, Address requester, long expiresAt) implements TypedStruct {
  public static final String TYPE = "RetrievalTicket(uint256 dealId,address requester,uint64 expiresAt)";

  public RetrievalTicket {
    Objects.requireNonNull(requester, "requester");
    if (dealId < 0 || expiresAt < 0) {
      throw new IllegalArgumentException("deal id and expiry must not be negative: " + dealId + ", " + expiresAt);
    }
  }

  @Override
  public String typeString() {
    return TYPE;
  }

  @Override
  public AbiWords encodeMembers() {
    return new AbiWords().uint(dealId).address(requester).uint(expiresAt);
  }

  /**
   * Why an operator must refuse this ticket, or empty when it may serve: the signature must recover to the deal's
   * owner and the ticket must not have expired at {@code nowSeconds}. Never throws.
   */
  public Optional<String> refusal(Eip712Domain domain, Signature signature, Address owner, long nowSeconds) {
    if (expiresAt <= nowSeconds) {
      return Optional.of("the ticket expired at " + expiresAt + " (now " + nowSeconds + ")");
    }
    Optional<Address> signer = domain.signer(this, signature);
    if (signer.isEmpty() || !signer.get().equals(owner)) {
      return Optional.of("the ticket is not signed by the deal's owner " + owner);
    }
    return Optional.empty();
  }
}
