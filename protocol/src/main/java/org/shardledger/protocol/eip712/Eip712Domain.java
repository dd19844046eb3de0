package org.shardledger.protocol.eip712;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Secp256k1;
import org.shardledger.protocol.crypto.Signature;

/**
 * The EIP-712 domain every shardledger signature lives in: name "shardledger", version "1", the chain id and the
 * ledger contract. A signature made for one chain or one contract never verifies for another.
 */
public record Eip712Domain(String name, String version, long chainId, Address verifyingContract) {
  public static final String TYPE =
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
  public static final String NAME = "shardledger";
  public static final String VERSION = "1";

  public Eip712Domain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(verifyingContract, "verifyingContract");
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + chainId);
    }
  }

  public static Eip712Domain shardledger(long chainId, Address ledgerContract) {
    return new Eip712Domain(NAME, VERSION, chainId, ledgerContract);
  }

  public Bytes32 separator() {
    return new AbiWords().word(Keccak256.hash(TYPE)).word(Keccak256.hash(name)).word(Keccak256.hash(version))
        .uint(chainId).address(verifyingContract).keccak();
  }

  /** keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)): what is signed. */
  public Bytes32 digest(TypedStruct message) {
    byte[] preimage = new byte[2 + 32 + 32];
    preimage[0] = 0x19;
    preimage[1] = 0x01;
    separator().copyTo(preimage, 2);
    message.structHash().copyTo(preimage, 34);
    return Keccak256.hash(preimage);
  }

  public Signature sign(TypedStruct message, KeyPair key) {
    return key.sign(digest(message));
  }

  /** Whether {@code signature} over {@code message} was made by {@code expected}. Never throws. */
  public boolean isSignedBy(TypedStruct message, Signature signature, Address expected) {
    return Secp256k1.recover(digest(message), signature).map(expected::equals).orElse(false);
  }

  public java.util.Optional<Address> signer(TypedStruct message, Signature signature) {
    return Secp256k1.recover(digest(message), signature);
  }
}
