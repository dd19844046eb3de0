package org.shardledger.node.cli;

import org.shardledger.node.roles.HostPort;
import picocli.CommandLine.ITypeConverter;

/** HOST:PORT options, e.g. 127.0.0.1:7340 or [::1]:7340. */
final class HostPortConverter implements ITypeConverter<HostPort> {
  @Override
  public HostPort convert(String value) {
    return HostPort.parse(value);
  }
}
