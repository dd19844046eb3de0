package org.shardledger.protocol.settlement;

import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;

/** A verifier's EIP-712 signature over an epoch's {@code Settlement}: the answer of {@code verifier_signSettlement}. */
public record SettlementSignature(long epoch, Address signer, Signature signature) {
  public SettlementSignature {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(signature, "signature");
  }
}
