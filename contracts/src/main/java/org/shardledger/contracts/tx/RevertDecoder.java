package org.shardledger.contracts.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Keccak256;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;

/** Decodes revert data into the contracts' custom errors, from the ABI files the build puts on the classpath. */
public final class RevertDecoder {
  private static final String ABI_DIR = "/org/shardledger/contracts/abi/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record ErrorSpec(String name, List<String> types) {}

  private final Map<String, ErrorSpec> bySelector = new HashMap<>();

  private RevertDecoder() {
    add(new ErrorSpec("Error", List.of("string")));
    add(new ErrorSpec("Panic", List.of("uint256")));
  }

  /** The errors of every contract in the build (ShardLedger, StorageCredit). */
  public static RevertDecoder forProjectContracts() {
    RevertDecoder decoder = new RevertDecoder();
    for (String contract : List.of("ShardLedger", "DisputeCourt", "KeyRegistry", "StorageCredit")) {
      try (InputStream in = RevertDecoder.class.getResourceAsStream(ABI_DIR + contract + ".abi")) {
        if (in == null) {
          throw new IllegalStateException("ABI of " + contract + " missing from the classpath (build contracts/)");
        }
        for (JsonNode item : JSON.readTree(in)) {
          if ("error".equals(item.path("type").asText())) {
            List<String> types = new ArrayList<>();
            item.path("inputs").forEach(input -> types.add(input.path("type").asText()));
            decoder.add(new ErrorSpec(item.path("name").asText(), types));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return decoder;
  }

  /** The names of every error this decoder knows, the contracts' custom errors and Error/Panic. */
  public Set<String> errorNames() {
    Set<String> names = new TreeSet<>();
    bySelector.values().forEach(spec -> names.add(spec.name()));
    return names;
  }

  private void add(ErrorSpec spec) {
    String signature = spec.name() + "(" + String.join(",", spec.types()) + ")";
    bySelector.put(Keccak256.hash(signature).toHex().substring(0, 10), spec);
  }

  /** Decodes {@code 0x}-prefixed revert data; unknown selectors and malformed data come back as "unknown revert". */
  public DecodedRevert decode(String data) {
    if (data != null) {
      // web3j hands over the JSON text of the error's data field: a quoted string
      data = data.strip();
      if (data.length() >= 2 && data.startsWith("\"") && data.endsWith("\"")) {
        data = data.substring(1, data.length() - 1);
      }
    }
    if (data == null || data.length() < 10) {
      return DecodedRevert.unknown(data);
    }
    String hex = data.startsWith("0x") ? data : "0x" + data;
    ErrorSpec spec = bySelector.get(hex.substring(0, 10).toLowerCase());
    if (spec == null) {
      return DecodedRevert.unknown(hex);
    }
    try {
      List<TypeReference<Type>> refs = new ArrayList<>();
      for (String type : spec.types()) {
        refs.add(TypeReference.makeTypeReference(type));
      }
      List<Type> values = FunctionReturnDecoder.decode("0x" + hex.substring(10), refs);
      List<Object> args = new ArrayList<>();
      for (Type value : values) {
        Object v = value.getValue();
        args.add(v instanceof byte[] b ? Hex.encode(b) : v);
      }
      return new DecodedRevert(spec.name(), args, hex);
    } catch (ClassNotFoundException | RuntimeException e) {
      return new DecodedRevert(spec.name(), List.of(), hex);
    }
  }
}
