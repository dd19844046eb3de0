package org.shardledger.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Golden request/response files of JSON-RPC methods: {@code DIR/<case>.json} holds {@code {"request","response"}}.
 * Each case's request is checked against its file and its answer against the file's response; with
 * {@code -Dshardledger.golden.write=true} the files are rewritten instead (and the run fails, so a rewrite is
 * always reviewed and run again).
 */
public final class GoldenFiles {
  /** How the test answers a request (a dispatcher, usually). */
  public interface Answerer {
    JsonNode answer(JsonNode request) throws Exception;
  }

  public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GoldenFiles() {}

  /** Runs every case in order against {@code answerer} and compares (or writes) its file in {@code dir}. */
  public static void check(Path dir, Map<String, JsonNode> cases, Answerer answerer) throws Exception {
    boolean write = Boolean.getBoolean("shardledger.golden.write");
    Files.createDirectories(dir);
    for (Map.Entry<String, JsonNode> e : cases.entrySet()) {
      Path file = dir.resolve(e.getKey() + ".json");
      JsonNode answer = answerer.answer(e.getValue());
      if (write) {
        ObjectNode golden = JSON.createObjectNode();
        golden.set("request", e.getValue());
        golden.set("response", answer);
        Files.writeString(file, JSON.writeValueAsString(golden) + "\n");
        continue;
      }
      JsonNode golden = JSON.readTree(file.toFile());
      same(file + ": the request", golden.get("request"), e.getValue());
      same(file.toString(), golden.get("response"), answer);
    }
    if (write) {
      throw new AssertionError("golden files rewritten in " + dir + "; run again without -Dshardledger.golden.write");
    }
  }

  private static void same(String what, JsonNode expected, JsonNode actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(what + "\nexpected: " + expected + "\n but was: " + actual);
    }
  }
}
