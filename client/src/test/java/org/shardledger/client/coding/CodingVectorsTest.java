package org.shardledger.client.coding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.bytes.Hex;

/**
 * Known-answer vectors for the erasure code in {@code testvectors/erasure-coding.json}, so another implementation
 * can check itself: parity of fixed data at several k, m (including the 256-share edge), and the matrix of 4+2.
 * The committed file must be exactly what this code produces; to regenerate after a deliberate change:
 * {@code mvn test -pl client -Dtest=CodingVectorsTest -Dshardledger.vectors.write=true}.
 */
class CodingVectorsTest {
  static final Path FILE = Path.of("..", "testvectors", "erasure-coding.json");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int[][] CASES = {{1, 1}, {1, 3}, {2, 1}, {3, 2}, {4, 2}, {6, 3}, {10, 4}, {17, 7}, {1, 255},
      {128, 128}, {255, 1}};

  /** Data byte x of share j: (j · 37 + x · 11 + 5) mod 256, written out in full in the file. */
  static byte[] data(int share, int length) {
    byte[] b = new byte[length];
    for (int x = 0; x < length; x++) {
      b[x] = (byte) (share * 37 + x * 11 + 5);
    }
    return b;
  }

  static ObjectNode vectors() {
    ObjectNode root = JSON.createObjectNode();
    root.put("description", "Systematic Reed-Solomon over GF(2^8), polynomial 0x11D (x^8+x^4+x^3+x^2+1): shares "
        + "0..k-1 are the data, parity share k+i = sum over j of C[i][j] * data_j with the Cauchy matrix "
        + "C[i][j] = 1 / ((k+i) XOR j) (ISA-L gf_gen_cauchy1_matrix). Every byte position is coded on its own. "
        + "'data' and 'parity' list the shares as hex.");
    root.put("polynomial", "0x11d");
    ObjectNode matrix = root.putObject("matrix4x2");
    matrix.put("description", "The parity rows C of k=4, m=2, entries in decimal");
    ArrayNode rows = matrix.putArray("rows");
    int[][] encoding = GfMatrix.encoding(4, 2);
    for (int i = 4; i < 6; i++) {
      ArrayNode row = rows.addArray();
      Arrays.stream(encoding[i]).forEach(row::add);
    }
    ArrayNode list = root.putArray("vectors");
    for (int[] c : CASES) {
      int k = c[0];
      int m = c[1];
      int length = k + m > 64 ? 8 : 32;
      byte[][] shares = new byte[k + m][];
      for (int i = 0; i < k + m; i++) {
        shares[i] = i < k ? data(i, length) : new byte[length];
      }
      ReedSolomon.of(k, m, TableKernel.INSTANCE).encode(shares, 0, length);
      ObjectNode v = list.addObject();
      v.put("k", k);
      v.put("m", m);
      v.put("shareLength", length);
      ArrayNode data = v.putArray("data");
      ArrayNode parity = v.putArray("parity");
      for (int i = 0; i < k + m; i++) {
        (i < k ? data : parity).add(Hex.encode(shares[i]));
      }
    }
    return root;
  }

  @Test
  void committedVectorsMatchTheImplementation() throws IOException {
    String rendered = JSON.writeValueAsString(vectors()).replace("\r\n", "\n") + "\n";
    if (Boolean.getBoolean("shardledger.vectors.write")) {
      Files.writeString(FILE, rendered);
    }
    assertThat(FILE).as("%s (regenerate with -Dshardledger.vectors.write=true)", FILE).exists();
    assertThat(Files.readString(FILE)).isEqualTo(rendered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.shardledger.client.coding.KernelsUnderTest#all")
  void everyKernelReproducesTheCommittedParityAndRebuildsTheData(GfKernel kernel) throws IOException {
    JsonNode root = JSON.readTree(FILE.toFile());
    assertThat(root.get("vectors")).hasSize(CASES.length);
    for (JsonNode v : root.get("vectors")) {
      int k = v.get("k").asInt();
      int m = v.get("m").asInt();
      int length = v.get("shareLength").asInt();
      byte[][] shares = new byte[k + m][];
      for (int i = 0; i < k; i++) {
        shares[i] = Hex.decode(v.get("data").get(i).asText());
      }
      for (int i = k; i < k + m; i++) {
        shares[i] = new byte[length];
      }
      ReedSolomon coder = ReedSolomon.of(k, m, kernel);
      coder.encode(shares, 0, length);
      for (int p = 0; p < m; p++) {
        assertThat(Hex.encode(shares[k + p])).as("%d+%d parity %d", k, m, p)
            .isEqualTo(v.get("parity").get(p).asText());
      }
      boolean[] present = new boolean[k + m];
      for (int i = 0; i < k; i++) {
        present[m + i] = true;
        if (i < m) {
          shares[i] = new byte[length];
        }
      }
      coder.reconstructData(shares, present, 0, length);
      for (int i = 0; i < Math.min(k, m); i++) {
        assertThat(Hex.encode(shares[i])).as("%d+%d data %d from the last k shares", k, m, i)
            .isEqualTo(v.get("data").get(i).asText());
      }
    }
  }
}
