package org.shardledger.node.cli;

import org.shardledger.protocol.bytes.Bytes32;
import picocli.CommandLine.ITypeConverter;

/** Converters for option values that the protocol types define. */
final class CommandValues {
  private CommandValues() {}

  /** A 32-byte value given as 0x followed by 64 hex digits. */
  static final class Bytes32Converter implements ITypeConverter<Bytes32> {
    @Override
    public Bytes32 convert(String value) {
      return Bytes32.fromHex(value);
    }
  }

  /** An account address: 0x + 40 hex digits (EIP-55 checksum checked when mixed case). */
  static final class AddressConverter implements ITypeConverter<org.shardledger.protocol.crypto.Address> {
    @Override
    public org.shardledger.protocol.crypto.Address convert(String value) {
      return org.shardledger.protocol.crypto.Address.fromHex(value);
    }
  }

  /** A byte size: 4096, 64k, 1m, 2g, 1t (binary units). */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return ByteSizes.parse(value);
    }
  }
}
