package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;

/** The deals a settlement terminates (the settlement rules ended them: maxFails, grace expiry), by ascending id. */
public final class Terminations {
  private Terminations() {}

  /**
   * The {@code terminationsHash} of a {@code Settlement}: keccak256 over the 32-byte deal ids in the order given;
   * keccak256("") for none.
   */
  public static Bytes32 hash(List<Long> dealIds) {
    AbiWords words = new AbiWords();
    for (long id : dealIds) {
      words.uint(BigInteger.valueOf(id));
    }
    return words.keccak();
  }

  /** The deals terminated in these entries, ascending. */
  static List<Long> of(List<LedgerEntry> entries) {
    return entries.stream().filter(e -> e.events().stream().anyMatch(DealEvent.Terminated.class::isInstance))
        .map(LedgerEntry::dealId).distinct().sorted().toList();
  }
}
