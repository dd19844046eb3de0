package org.shardledger.contracts.events;

import org.shardledger.protocol.bytes.Bytes32;

/** The last block whose events were delivered, with its hash (to notice when the chain under it changed). */
public record FollowerCursor(long block, Bytes32 hash) {}
