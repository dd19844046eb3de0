package org.shardledger.contracts.events;

import org.shardledger.protocol.bytes.Bytes32;

/** Where an event was emitted: block, transaction and position, which identify it uniquely. */
public record EventOrigin(long blockNumber, Bytes32 blockHash, Bytes32 transactionHash, long logIndex) {}
