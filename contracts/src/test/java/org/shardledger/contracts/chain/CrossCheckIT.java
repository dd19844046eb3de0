package org.shardledger.contracts.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.DealAcceptance;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.ProofResponse;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.eip712.TypedStruct;
import org.shardledger.protocol.payout.PayoutTree;

/** Java against the reference tools: cast's EIP-712 signing and OpenZeppelin's merkle-tree package. */
class CrossCheckIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path CONTRACTS_DIR = Path.of("").toAbsolutePath();
  static final Path CAST = CONTRACTS_DIR.resolve("node_modules/@foundry-rs/cast-linux-amd64/bin/cast");

  @TempDir
  Path dir;

  static String run(Path workDir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  static ObjectNode typedData(Eip712Domain domain, TypedStruct message, Map<String, Object> values) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode types = root.putObject("types");
    ArrayNode domainType = types.putArray("EIP712Domain");
    for (String[] f : new String[][] {{"name", "string"}, {"version", "string"}, {"chainId", "uint256"},
        {"verifyingContract", "address"}}) {
      domainType.addObject().put("name", f[0]).put("type", f[1]);
    }
    String type = message.typeString();
    String name = type.substring(0, type.indexOf('('));
    ArrayNode fields = types.putArray(name);
    for (String member : type.substring(type.indexOf('(') + 1, type.length() - 1).split(",")) {
      String[] parts = member.split(" ");
      fields.addObject().put("name", parts[1]).put("type", parts[0]);
    }
    root.put("primaryType", name);
    root.putObject("domain").put("name", domain.name()).put("version", domain.version())
        .put("chainId", domain.chainId()).put("verifyingContract", domain.verifyingContract().toHex());
    ObjectNode msg = root.putObject("message");
    values.forEach((k, v) -> msg.put(k, v.toString()));
    return root;
  }

  @Test
  void javaSignaturesOfAllFourTypesEqualCastWalletSign() throws Exception {
    Random random = new Random(11);
    KeyPair key = KeyPair.random(new java.security.SecureRandom());
    Eip712Domain domain = Eip712Domain.shardledger(31337, KeyPair.random(new java.security.SecureRandom()).address());
    Bytes32 h1 = randomWord(random);
    Bytes32 h2 = randomWord(random);
    List<Map.Entry<TypedStruct, Map<String, Object>>> cases = List.of(
        Map.entry(new DealAcceptance(17, h1, 123_456_789L, 3, 40, new BigInteger("1000000000000000000")),
            Map.of("dealId", 17, "root", h1.toHex(), "size", 123_456_789L, "firstEpoch", 3, "lastEpoch", 40,
                "pricePerEpoch", "1000000000000000000")),
        Map.entry(new ProofResponse(9, 77, h2), Map.of("dealId", 9, "epoch", 77, "proofHash", h2.toHex())),
        Map.entry(new AuditReport(12, h1, 4096), Map.of("epoch", 12, "resultsHash", h1.toHex(), "deals", 4096)),
        Map.entry(new Settlement(80, 88, h2, new BigInteger("98765432109876543210"), h1, h2),
            Map.of("fromEpoch", 80, "epoch", 88, "payoutRoot", h2.toHex(), "cumulativeTotal",
                "98765432109876543210", "slashesHash", h1.toHex(), "terminationsHash", h2.toHex())));
    for (var c : cases) {
      Path file = dir.resolve(c.getKey().getClass().getSimpleName() + ".json");
      Files.writeString(file, typedData(domain, c.getKey(), c.getValue()).toString());
      String cast = run(dir, CAST.toString(), "wallet", "sign", "--private-key",
          org.shardledger.protocol.bytes.Hex.encode(Bytes32.ofUnsigned(key.privateKey()).toArray()), "--data",
          "--from-file", file.toString());
      assertThat(domain.sign(c.getKey(), key).toHex()).as(c.getKey().typeString()).isEqualTo(cast.toLowerCase());
    }
  }

  @Test
  void payoutRootsAndProofsEqualOpenZeppelinsMerkleTree() throws Exception {
    Random random = new Random(5);
    for (int size : new int[] {1, 2, 3, 7, 100, 1000}) {
      Map<Address, BigInteger> amounts = new HashMap<>();
      ArrayNode entries = JSON.createArrayNode();
      for (int i = 0; i < size; i++) {
        byte[] a = new byte[20];
        random.nextBytes(a);
        Address account = Address.of(a);
        BigInteger amount = new BigInteger(96, random).add(BigInteger.ONE);
        amounts.put(account, amount);
        entries.addArray().add(account.toHex()).add(amount.toString());
      }
      Path file = dir.resolve("entries-" + size + ".json");
      Files.writeString(file, entries.toString());
      Path script = Path.of(getClass().getResource("/crosscheck/payout-tree.js").toURI());
      JsonNode reference = JSON.readTree(run(CONTRACTS_DIR, "node", script.toString(), file.toString()));

      PayoutTree tree = PayoutTree.of(amounts);
      assertThat(tree.root().toHex()).as("%d entries", size).isEqualTo(reference.get("root").asText());
      for (Address account : amounts.keySet()) {
        List<String> expected = new ArrayList<>();
        reference.get("proofs").get(account.toHex()).forEach(n -> expected.add(n.asText()));
        assertThat(tree.proof(account).orElseThrow().stream().map(Bytes32::toHex).toList()).isEqualTo(expected);
      }
    }
  }

  static Bytes32 randomWord(Random random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Bytes32.of(b);
  }
}
