package org.shardledger.wire.handshake;

import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.PersonalMessage;
import org.shardledger.protocol.crypto.Secp256k1;
import org.shardledger.protocol.crypto.Signature;

/**
 * What an operator signs in the handshake to prove it holds its Ethereum key (docs/wire.md §2):
 *
 * <pre>
 * statement = keccak256(abi.encode(bytes32("shardledger.wire.hello.v1"), uint256 chainId, uint256 version,
 *                                  bytes32 clientNonce, bytes32 serverNonce, address operator))
 * digest    = keccak256("\x19Ethereum Signed Message:\n32" ‖ statement)        (EIP-191, personal_sign)
 * </pre>
 *
 * The client's fresh nonce makes the signature useless for any other connection; the domain tag and the EIP-191
 * prefix keep it from ever being a valid transaction, EIP-712 message or proof signature.
 */
public record HelloStatement(long chainId, int version, Bytes32 clientNonce, Bytes32 serverNonce, Address operator) {
  public static final Bytes32 TAG = Bytes32.ofAsciiLeftAligned("shardledger.wire.hello.v1");

  public HelloStatement {
    Objects.requireNonNull(clientNonce, "clientNonce");
    Objects.requireNonNull(serverNonce, "serverNonce");
    Objects.requireNonNull(operator, "operator");
  }

  public Bytes32 statementHash() {
    return new AbiWords().word(TAG).uint(chainId).uint(version).word(clientNonce).word(serverNonce)
        .address(operator).keccak();
  }

  public Bytes32 digest() {
    return PersonalMessage.digest(statementHash().toArray());
  }

  public Signature sign(KeyPair key) {
    if (!key.address().equals(operator)) {
      throw new IllegalArgumentException("the statement names " + operator + ", the key is " + key.address());
    }
    return key.sign(digest());
  }

  /** Whether {@code signature} is the named operator's. Never throws. */
  public boolean isSignedByOperator(Signature signature) {
    Optional<Address> signer = Secp256k1.recover(digest(), signature);
    return signer.isPresent() && signer.get().equals(operator);
  }
}
