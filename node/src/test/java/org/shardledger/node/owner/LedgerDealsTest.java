package org.shardledger.node.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.rpc.RpcDispatcher;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.RpcServer;

/** Deals by root through a ledger's JSON-RPC on loopback: paged, checked, and a lying ledger named. */
class LedgerDealsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Bytes32 ROOT = Bytes32.ofUnsigned(0xbbbb);
  private static final String OPERATOR = "0xD83d18A2EaE2440e272a53f86e617cd9F33c8D68";

  private static String deal(long id, Bytes32 root) {
    return "{\"id\":\"0x" + Long.toHexString(id) + "\",\"owner\":\"0x0A2035683FE5587B0B09DB0e757306aD729FE6c1\","
        + "\"operator\":\"" + OPERATOR + "\",\"root\":\"" + root.toHex() + "\",\"size\":\"0x1000\","
        + "\"segmentSize\":\"0x1000\",\"samples\":\"0x4\",\"pricePerEpoch\":\"0x28\",\"firstEpoch\":\"0x0\","
        + "\"lastEpoch\":\"0x5\",\"status\":\"ACTIVE\"}";
  }

  private static RpcMethod method(String name, Function<RpcParams, String> answer) {
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public JsonNode execute(RpcParams params) throws RpcException {
        String a = answer.apply(params);
        if (a == null) {
          throw new RpcException(RpcError.NOT_FOUND, "not a registered operator");
        }
        try {
          return JSON.readTree(a);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  private static RpcServer ledger(RpcMethod... methods) throws Exception {
    return RpcServer.start(new InetSocketAddress("127.0.0.1", 0), new RpcDispatcher().register(methods));
  }

  @Test
  void followsNextThroughEveryPageAndReadsEachOperatorOnce() throws Exception {
    int[] operatorCalls = {0};
    try (RpcServer server = ledger(
        method("deal_findByRoot", p -> p.optional(2).isEmpty()
            ? "{\"deals\":[" + deal(1, ROOT) + "],\"next\":\"0x1\"}"
            : "{\"deals\":[" + deal(2, ROOT) + "],\"next\":null}"),
        method("operator_get", p -> {
          operatorCalls[0]++;
          return "{\"endpoint\":\"127.0.0.1:7000\",\"region\":\"eu-west\",\"exiting\":false}";
        }))) {
      LedgerDeals deals = new LedgerDeals(server.url());
      assertThat(deals.active(ROOT)).extracting(Deal::id).containsExactly(1L, 2L);
      assertThat(deals.holding(ROOT, 6)).as("both end with epoch 5").isEmpty();
      Address operator = Address.fromHex(OPERATOR);
      assertThat(deals.operator(operator).orElseThrow().region()).isEqualTo("eu-west");
      assertThat(deals.operator(operator).orElseThrow().endpoint()).isEqualTo("127.0.0.1:7000");
      assertThat(operatorCalls[0]).isEqualTo(1);
    }
  }

  @Test
  void anUnregisteredOperatorIsEmptyNotAnError() throws Exception {
    try (RpcServer server = ledger(method("operator_get", p -> null))) {
      assertThat(new LedgerDeals(server.url()).operator(Address.fromHex(OPERATOR))).isEmpty();
    }
  }

  @Test
  void aDealForAnotherRootOrAMalformedDealIsAnErrorNamingTheLedger() throws Exception {
    try (RpcServer server = ledger(method("deal_findByRoot", p -> "{\"deals\":[" + deal(3, Bytes32.ofUnsigned(7))
        + "],\"next\":null}"))) {
      assertThatThrownBy(() -> new LedgerDeals(server.url()).active(ROOT)).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("the ledger at " + server.url()).hasMessageContaining("when asked for " + ROOT);
    }
    try (RpcServer server = ledger(method("deal_findByRoot", p -> "{\"deals\":[{\"id\":\"<b>\"}],\"next\":null}"))) {
      assertThatThrownBy(() -> new LedgerDeals(server.url()).active(ROOT)).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("the ledger at " + server.url()).hasMessageContaining("cannot be read as");
    }
    try (RpcServer server = ledger(method("deal_findByRoot", p -> "{\"deals\":[{\"id\":\"0x1\"}],\"next\":null}"))) {
      assertThatThrownBy(() -> new LedgerDeals(server.url()).active(ROOT)).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("the ledger at " + server.url()).hasMessageContaining("lacks the text field owner");
    }
  }

  @Test
  void aLedgerThatNeverEndsItsAnswerIsCutOff() throws Exception {
    try (RpcServer server = ledger(method("deal_findByRoot", p -> "{\"deals\":[],\"next\":\"0x1\"}"))) {
      assertThatThrownBy(() -> new LedgerDeals(server.url()).active(ROOT))
          .hasMessageContaining("more than " + LedgerDeals.MAX_PAGES + " pages");
    }
  }
}
