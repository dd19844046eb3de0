package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;

/** Test accounts and deals. */
final class Deals {
  static final Address OWNER = account(0xA1);
  static final Address OPERATOR = account(0xB1);

  private Deals() {}

  static Address account(int n) {
    return Address.fromHex(String.format("0x%040x", n));
  }

  static Deal deal(long id, Address owner, Address operator, long price, long firstEpoch, long lastEpoch) {
    return new Deal(id, owner, operator, new ShardCommitment(Bytes32.ofUnsigned(id), 1 << 20, 4096), 16,
        BigInteger.valueOf(price), firstEpoch, lastEpoch);
  }

  static Deal deal(long id, long price, long firstEpoch, long lastEpoch) {
    return deal(id, OWNER, OPERATOR, price, firstEpoch, lastEpoch);
  }

  static BigInteger big(long n) {
    return BigInteger.valueOf(n);
  }
}
