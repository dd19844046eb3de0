package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;

/** Stake an epoch's settlement takes from an operator. */
public record Slash(Address operator, BigInteger amount) {
  public Slash {
    Objects.requireNonNull(operator, "operator");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a slash takes a positive amount, got " + amount);
    }
  }

  /**
   * The {@code slashesHash} of a {@code Settlement}: keccak256 over the list, in the order given, of
   * {@code abi.encode(address operator, uint256 amount)}; keccak256("") for no slashes.
   */
  public static Bytes32 hash(List<Slash> slashes) {
    AbiWords words = new AbiWords();
    for (Slash s : slashes) {
      words.address(s.operator()).uint(s.amount());
    }
    return words.keccak();
  }
}
