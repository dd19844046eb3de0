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
 * What a client signs in IDENTIFY to prove, on this one connection, that it holds the requester's key
 * (docs/wire.md §2): the same nonces as the operator's HELLO_OK, so the signature is worthless anywhere else.
 *
 * <pre>
 * statement = keccak256(abi.encode(bytes32("shardledger.wire.requester.v1"), uint256 chainId, uint256 version,
 *                                  bytes32 clientNonce, bytes32 serverNonce, address operator, address requester))
 * digest    = keccak256("\x19Ethereum Signed Message:\n32" ‖ statement)        (EIP-191, personal_sign)
 * </pre>
 */
public record RequesterStatement(long chainId, int version, Bytes32 clientNonce, Bytes32 serverNonce,
    Address operator, Address requester) {
  public static final Bytes32 TAG = Bytes32.ofAsciiLeftAligned("shardledger.wire.requester.v1");

  public RequesterStatement {
    Objects.requireNonNull(clientNonce, "clientNonce");
    Objects.requireNonNull(serverNonce, "serverNonce");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(requester, "requester");
  }

  public Bytes32 digest() {
    Bytes32 statement = new AbiWords().word(TAG).uint(chainId).uint(version).word(clientNonce).word(serverNonce)
        .address(operator).address(requester).keccak();
    return PersonalMessage.digest(statement.toArray());
  }

  public Signature sign(KeyPair key) {
    if (!key.address().equals(requester)) {
      throw new IllegalArgumentException("the statement names " + requester + ", the key is " + key.address());
    }
    return key.sign(digest());
  }

  /** Whether {@code signature} is the named requester's. Never throws. */
  public boolean isSignedByRequester(Signature signature) {
    Optional<Address> signer = Secp256k1.recover(digest(), signature);
    return signer.isPresent() && signer.get().equals(requester);
  }
}
