package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.crypto.Address;

/** The storage credit token: balances, the ledger's allowance, and the local faucet. */
public final class Credits {
  private final LedgerBinding b;

  Credits(LedgerBinding binding) {
    this.b = binding;
  }

  public BigInteger balanceOf(Address account) throws IOException {
    return LedgerBinding.read(b.credit.balanceOf(account.toHex()));
  }

  /** Mints credits (the signing key needs MINTER_ROLE: the local network's faucet). */
  public TxOutcome mint(Address to, BigInteger amount) throws IOException {
    return b.sendToCredit("mint " + amount + " to " + to, b.credit.mint(to.toHex(), amount));
  }

  public TxOutcome transfer(Address to, BigInteger amount) throws IOException {
    return b.sendToCredit("transfer " + amount + " to " + to, b.credit.transfer(to.toHex(), amount));
  }

  /** Makes sure the ledger may pull at least {@code amount} from the signing account. */
  void ensureLedgerAllowance(BigInteger amount) throws IOException {
    ensureAllowance(b.deployment.ledger(), "the ledger", amount);
  }

  /** Makes sure the dispute court may pull at least {@code amount} (a dispute bond) from the signing account. */
  void ensureCourtAllowance(BigInteger amount) throws IOException {
    ensureAllowance(b.deployment.disputeCourt(), "the dispute court", amount);
  }

  private void ensureAllowance(Address spender, String name, BigInteger amount) throws IOException {
    Address owner = b.account().orElseThrow();
    BigInteger allowance = LedgerBinding.read(b.credit.allowance(owner.toHex(), spender.toHex()));
    if (allowance.compareTo(amount) < 0) {
      b.sendToCredit("approve " + name + " for " + amount, b.credit.approve(spender.toHex(), amount)).mined();
    }
  }
}
