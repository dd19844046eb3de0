package org.shardledger.ledger.rpc;

import java.io.IOException;
import java.math.BigInteger;
import org.shardledger.protocol.crypto.Address;

/** What an account has claimed on chain so far ({@code chain.settlements()::claimed}). */
@FunctionalInterface
public interface ClaimedReader {
  BigInteger claimed(Address account) throws IOException;
}
