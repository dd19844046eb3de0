package org.shardledger.contracts.tx;

import java.util.List;
import java.util.stream.Collectors;

/** A contract revert decoded: the custom error's name and its arguments (or Error(string), Panic(uint256)). */
public record DecodedRevert(String name, List<Object> args, String rawData) {
  public DecodedRevert {
    args = List.copyOf(args);
  }

  public static DecodedRevert unknown(String rawData) {
    return new DecodedRevert("unknown revert", List.of(), rawData == null ? "0x" : rawData);
  }

  @Override
  public String toString() {
    if (name.equals("unknown revert")) {
      return "unknown revert (data " + rawData + ")";
    }
    return name + "(" + args.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
  }
}
