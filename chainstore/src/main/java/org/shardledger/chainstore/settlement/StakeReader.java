package org.shardledger.chainstore.settlement;

import java.io.IOException;
import java.math.BigInteger;
import org.shardledger.protocol.crypto.Address;

/** An operator's stake at a block, read from the chain ({@code chain.operators()::stakeAt}). */
@FunctionalInterface
public interface StakeReader {
  BigInteger stakeAt(Address operator, long block) throws IOException;
}
