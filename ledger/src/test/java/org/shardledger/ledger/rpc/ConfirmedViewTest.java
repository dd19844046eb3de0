package org.shardledger.ledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.EventOrigin;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.ledger.claims.Balance;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.ledger.onchain.ClaimsFollower;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.payout.PayoutTree;

/** The ledger's confirmed view over the golden ledger's state: claims from events, the block they are as of. */
class ConfirmedViewTest {
  static final Address A = GoldenLedger.OPERATOR_A.address();

  @TempDir
  Path db;

  static EventOrigin at(long block) {
    return new EventOrigin(block, Bytes32.ofUnsigned(block), Bytes32.ofUnsigned(0x2000 + block), 0);
  }

  static ChainEvent.Claimed claimed(long block, long cumulative) {
    return new ChainEvent.Claimed(at(block), A, BigInteger.ONE, BigInteger.valueOf(cumulative));
  }

  @Test
  void balancesComeFromTheLatestSettlementAndTheConfirmedClaims() throws Exception {
    try (GoldenLedger ledger = new GoldenLedger(db)) {
      ConfirmedView view = ledger.confirmed;
      Balance b = view.balance(A);
      assertThat(b.epoch()).hasValue(1);
      assertThat(b.cumulative()).isEqualTo(BigInteger.valueOf(200));
      assertThat(b.claimed()).isEqualTo(BigInteger.valueOf(100));
      assertThat(b.claimable()).isEqualTo(BigInteger.valueOf(100));
      assertThat(b.asOfBlock()).isEqualTo(61);

      ledger.follower.onConfirmed(List.of(claimed(62, 200)), new FollowerCursor(63, Bytes32.ofUnsigned(63)));
      assertThat(view.balance(A).claimable()).isZero();
      assertThat(view.balance(A).asOfBlock()).isEqualTo(63);
      assertThat(ledger.mirror.claimed(A)).as("the mirror got the batch too").isEqualTo(BigInteger.valueOf(200));
      var proof = view.proof(A).orElseThrow();
      assertThat(proof.asOfBlock()).isEqualTo(63);
      assertThat(PayoutTree.verify(proof.payoutRoot(), A, proof.cumulativeAmount(), proof.proof())).isTrue();
      assertThat(view.totals().claimable()).as("A claimed everything; the owner has its refund left")
          .isEqualTo(view.totals().credited().subtract(BigInteger.valueOf(200)));
    }
  }

  @Test
  void aDeepReorgForgetsTheClaimsUntilTheyAreDeliveredAgain() throws Exception {
    try (GoldenLedger ledger = new GoldenLedger(db)) {
      ConfirmedView view = ledger.confirmed;
      ledger.follower.onConfirmed(List.of(new ChainEvent.Reorged(at(62), 10)), new FollowerCursor(0, Bytes32.ofUnsigned(0)));
      assertThat(view.balance(A).claimed()).isZero();
      assertThat(ledger.mirror.claimed(A)).isZero();
      ledger.follower.onConfirmed(List.of(claimed(5, 100)), new FollowerCursor(70, Bytes32.ofUnsigned(70)));
      assertThat(view.balance(A).claimed()).isEqualTo(BigInteger.valueOf(100));
    }
  }

  @Test
  void aReopenedViewStartsFromTheMirror() throws Exception {
    try (GoldenLedger ledger = new GoldenLedger(db)) {
      ConfirmedView reopened = ClaimsFollower.open(ledger.stores.settlements(), ledger.mirror);
      assertThat(reopened.balance(A)).isEqualTo(ledger.confirmed.balance(A));
      assertThat(reopened.epoch()).hasValue(1);
    }
  }
}
