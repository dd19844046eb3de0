package org.shardledger.ledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.chainstore.ChainMirror;
import org.shardledger.chainstore.Database;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.EventOrigin;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcParams;

/** deal_findByRoot: only the root's deals with the status asked, and an attacker's flood of proposals paged. */
class DealFindByRootTest {
  static final Bytes32 VICTIM = Bytes32.ofUnsigned(0xbbbb);

  @TempDir
  Path dir;

  @Test
  void aFloodOfProposalsNamingARootIsAnsweredInBoundedPagesAndTheActiveDealIsFound() throws Exception {
    try (Database db = Database.open(dir, "ledger")) {
      ChainMirror mirror = new ChainMirror(db);
      List<ChainEvent> events = new ArrayList<>();
      long[] block = {1};
      java.util.function.Supplier<EventOrigin> at = () -> {
        long b = block[0]++;
        return new EventOrigin(b, Bytes32.ofUnsigned(b), Bytes32.ofUnsigned(0x1000 + b), 0);
      };
      for (long id = 1; id <= 250; id++) {
        Bytes32 root = id % 50 == 0 ? Bytes32.ofUnsigned(0xcccc) : VICTIM;
        events.add(new ChainEvent.DealProposed(at.get(), deal(id, root)));
      }
      events.add(new ChainEvent.DealActivated(at.get(), 7, GoldenLedger.OPERATOR_A.address(), BigInteger.TEN));
      mirror.onConfirmed(events, new FollowerCursor(block[0], Bytes32.ofUnsigned(block[0])));
      DealFindByRoot method = new DealFindByRoot(mirror);

      JsonNode active = method.execute(params(VICTIM.toHex()));
      assertThat(active.get("deals")).hasSize(1);
      assertThat(active.get("deals").get(0).get("id").asText()).isEqualTo("0x7");
      assertThat(active.get("next").isNull()).isTrue();

      List<String> ids = new ArrayList<>();
      String after = "0x0";
      int pages = 0;
      while (after != null) {
        JsonNode page = method.execute(params(VICTIM.toHex(), "PROPOSED", after));
        assertThat(page.get("deals").size()).isLessThanOrEqualTo(DealFindByRoot.PAGE);
        page.get("deals").forEach(d -> {
          assertThat(d.get("root").asText()).isEqualTo(VICTIM.toHex());
          ids.add(d.get("id").asText());
        });
        after = page.get("next").isNull() ? null : page.get("next").asText();
        pages++;
      }
      assertThat(pages).isEqualTo(3);
      assertThat(ids).hasSize(250 - 5 - 1).doesNotHaveDuplicates().doesNotContain("0x7", "0x32");
    }
  }

  @Test
  void aStatusThatIsNoneIsRefusedByName() throws Exception {
    try (Database db = Database.open(dir, "ledger")) {
      DealFindByRoot method = new DealFindByRoot(new ChainMirror(db));
      assertThatThrownBy(() -> method.execute(params(VICTIM.toHex(), "MAYBE"))).isInstanceOf(RpcException.class)
          .hasMessageContaining("parameter 1 must be one of PROPOSED, ACTIVE, CANCELLED, ENDED")
          .satisfies(e -> assertThat(((RpcException) e).error()).isEqualTo(RpcError.INVALID_PARAMS));
      assertThatThrownBy(() -> method.execute(params("0x1234"))).isInstanceOf(RpcException.class);
    }
  }

  static Deal deal(long id, Bytes32 root) {
    return new Deal(id, GoldenLedger.OWNER.address(), GoldenLedger.OPERATOR_A.address(),
        new ShardCommitment(root, 4096, 4096), 4, BigInteger.ONE, 0, 9);
  }

  static RpcParams params(String... values) {
    var array = JsonNodeFactory.instance.arrayNode();
    for (String v : values) {
      array.add(v);
    }
    return new RpcParams(array);
  }
}
