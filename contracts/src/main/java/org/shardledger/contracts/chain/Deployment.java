package org.shardledger.contracts.chain;

import java.util.Objects;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.eip712.Eip712Domain;

/**
 * Where the contracts live and the epoch clock they define: everything a role needs to find the network on a
 * chain. Written by {@code shardledger deploy}, read by every role. The core ledger (deals, stakes, settlement,
 * claims; the EIP-712 verifying contract), the credit token, the dispute court the ledger deployed, and the key
 * registry.
 */
public record Deployment(long chainId, Address ledger, Address credit, Address disputeCourt, Address keyRegistry,
    long deployBlock, long genesisBlock, long epochLength) {
  public Deployment {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(disputeCourt, "disputeCourt");
    Objects.requireNonNull(keyRegistry, "keyRegistry");
    if (chainId <= 0 || epochLength < 1 || genesisBlock < 0 || deployBlock < 0) {
      throw new IllegalArgumentException("deployment needs a positive chain id and epoch length");
    }
  }

  /** Epoch of a block: epoch e covers [genesis + e·L, genesis + (e+1)·L). */
  public long epochOf(long blockNumber) {
    return blockNumber < genesisBlock ? 0 : (blockNumber - genesisBlock) / epochLength;
  }

  public long epochStartBlock(long epoch) {
    return genesisBlock + epoch * epochLength;
  }

  /** The EIP-712 domain of every shardledger signature on this deployment. */
  public Eip712Domain domain() {
    return Eip712Domain.shardledger(chainId, ledger);
  }
}
