package org.shardledger.prover;

import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.TypedStruct;

/** The operator's key and the EIP-712 domain it signs in (chain id and ledger contract). */
public record OperatorIdentity(KeyPair key, Eip712Domain domain) {
  public OperatorIdentity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(domain, "domain");
  }

  public Address address() {
    return key.address();
  }

  public long chainId() {
    return domain.chainId();
  }

  public Signature sign(TypedStruct message) {
    return domain.sign(message, key);
  }
}
