package org.shardledger.chainstore.settlement;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.DealState;

/** The current state's per-deal states and balances as two compact values (see the migration's comment). */
final class StateBlobs {
  private static final int DEAL = 8 + 8 + 4 + 4 + 1;
  private static final int BALANCE = Address.SIZE + Bytes32.SIZE;

  private StateBlobs() {}

  static byte[] dealStates(List<DealState> deals) {
    ByteBuffer out = ByteBuffer.allocate(DEAL * deals.size());
    for (DealState d : deals) {
      out.putLong(d.deal().id()).putLong(d.nextEpoch()).putInt(d.heldEpochs()).putInt(d.fails())
          .put((byte) (d.terminated() ? 1 : 0));
    }
    return out.array();
  }

  static List<DealState> dealStates(byte[] blob, Map<Long, Deal> terms) {
    check(blob, DEAL, "deal states");
    ByteBuffer in = ByteBuffer.wrap(blob);
    List<DealState> out = new ArrayList<>(blob.length / DEAL);
    while (in.hasRemaining()) {
      long id = in.getLong();
      Deal deal = terms.get(id);
      if (deal == null) {
        throw new IllegalStateException("the stored state holds deal " + id + " without its terms");
      }
      out.add(new DealState(deal, in.getLong(), in.getInt(), in.getInt(), in.get() != 0));
    }
    return out;
  }

  static byte[] balances(Map<Address, BigInteger> balances) {
    ByteBuffer out = ByteBuffer.allocate(BALANCE * balances.size());
    balances.forEach((account, amount) -> {
      out.put(account.toArray());
      Bytes32 word = Bytes32.ofUnsigned(amount);
      byte[] w = new byte[Bytes32.SIZE];
      word.copyTo(w, 0);
      out.put(w);
    });
    return out.array();
  }

  static Map<Address, BigInteger> balances(byte[] blob) {
    check(blob, BALANCE, "balances");
    Map<Address, BigInteger> out = new HashMap<>(blob.length / BALANCE * 2);
    for (int i = 0; i < blob.length; i += BALANCE) {
      byte[] account = new byte[Address.SIZE];
      System.arraycopy(blob, i, account, 0, Address.SIZE);
      out.put(Address.of(account), Bytes32.of(blob, i + Address.SIZE).toUnsignedBigInteger());
    }
    return out;
  }

  private static void check(byte[] blob, int size, String what) {
    if (blob.length % size != 0) {
      throw new IllegalStateException("the stored " + what + " are " + blob.length + " bytes, not a multiple of "
          + size);
    }
  }
}
