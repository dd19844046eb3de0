package org.shardledger.contracts.chain;

import java.math.BigInteger;
import org.shardledger.protocol.crypto.Address;

/** A registered operator as the chain has it. */
public record OperatorInfo(Address operator, BigInteger stake, Status status, String endpoint, String region,
    long capacity, long unbondingEndsBlock, int activeDeals, int openDisputes, long registration) {

  public enum Status { ACTIVE, EXITING }
}
