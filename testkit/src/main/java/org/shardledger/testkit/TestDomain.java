package org.shardledger.testkit;

import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.eip712.Eip712Domain;

/**
 * The EIP-712 domain of unit tests that need no chain: Anvil's chain id and the address Anvil gives the first
 * contract dev account 0 deploys. A test on a real chain uses its deployment's domain instead.
 */
public final class TestDomain {
  public static final long CHAIN_ID = 31337;
  public static final Address LEDGER = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
  public static final Eip712Domain DOMAIN = Eip712Domain.shardledger(CHAIN_ID, LEDGER);

  private TestDomain() {}
}
