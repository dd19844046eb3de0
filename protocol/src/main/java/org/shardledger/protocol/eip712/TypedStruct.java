package org.shardledger.protocol.eip712;

import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Keccak256;

/** An EIP-712 struct: its type string and its encoded member values (all static types here). */
public interface TypedStruct {
  /** E.g. {@code ProofResponse(uint256 dealId,uint64 epoch,bytes32 proofHash)}. */
  String typeString();

  /** The members, each encoded as a 32-byte word, in declaration order. */
  AbiWords encodeMembers();

  default Bytes32 typeHash() {
    return Keccak256.hash(typeString());
  }

  /** hashStruct(s) = keccak256(typeHash ‖ encodeData(s)). */
  default Bytes32 structHash() {
    return new AbiWords().word(typeHash()).append(encodeMembers()).keccak();
  }
}
