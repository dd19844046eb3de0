package org.shardledger.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/**
 * Invalid request objects get an Invalid Request error with {@code id: null}, in a batch too, as the JSON-RPC 2.0
 * specification's examples show; only well-formed notifications go unanswered.
 */
class RpcDispatcherInvalidRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RpcDispatcher dispatcher = new RpcDispatcher().register(new RpcMethod() {
    @Override
    public String name() {
      return "sum";
    }

    @Override
    public JsonNode execute(RpcParams params) {
      return JsonNodeFactory.instance.numberNode(3);
    }
  });

  private JsonNode answer(String body) throws Exception {
    String out = dispatcher.handle(body);
    return out == null ? null : JSON.readTree(out);
  }

  private static void assertInvalidRequestWithNullId(JsonNode error) {
    assertThat(error.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(error.has("id")).isTrue();
    assertThat(error.get("id").isNull()).as("id of %s", error).isTrue();
    assertThat(error.at("/error/code").asInt()).isEqualTo(-32600);
  }

  @Test
  void theSpecificationsBatchExampleIsAnsweredInFull() throws Exception {
    JsonNode out = answer("[{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,4],\"id\":\"1\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notify_hello\",\"params\":[7]},"
        + "{\"foo\":\"boo\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":\"9\"}]");
    assertThat(out.isArray()).isTrue();
    assertThat(out).hasSize(3);
    assertThat(out.get(0).get("id").asText()).isEqualTo("1");
    assertInvalidRequestWithNullId(out.get(1));
    assertThat(out.get(2).at("/error/code").asInt()).isEqualTo(-32601);
  }

  @Test
  void invalidObjectsWithoutAnIdAreAnsweredWithIdNull() throws Exception {
    for (String body : new String[] {"{\"foo\":\"boo\"}", "{\"jsonrpc\":\"2.0\",\"method\":1}",
        "{\"jsonrpc\":\"1.0\",\"method\":\"sum\"}", "{\"method\":\"sum\",\"params\":[]}", "1", "\"x\""}) {
      assertInvalidRequestWithNullId(answer(body));
      JsonNode batch = answer("[" + body + "]");
      assertThat(batch).as(body).hasSize(1);
      assertInvalidRequestWithNullId(batch.get(0));
    }
  }

  @Test
  void anInvalidRequestWithAnIdOfAWrongTypeIsAnsweredWithIdNull() throws Exception {
    assertInvalidRequestWithNullId(answer("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"id\":{\"a\":1}}"));
    assertInvalidRequestWithNullId(answer("[{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"id\":[1]}]").get(0));
  }

  @Test
  void wellFormedNotificationsStillGoUnanswered() throws Exception {
    assertThat(answer("{\"jsonrpc\":\"2.0\",\"method\":\"sum\"}")).isNull();
    assertThat(answer("[{\"jsonrpc\":\"2.0\",\"method\":\"nope\"},{\"jsonrpc\":\"2.0\",\"method\":\"sum\"}]"))
        .isNull();
  }
}
