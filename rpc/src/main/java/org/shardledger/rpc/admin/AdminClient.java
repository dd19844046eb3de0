package org.shardledger.rpc.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.shardledger.rpc.RpcClient;

/** Reaches a running role's admin interface from the same machine: its URL and token from the data directory. */
public final class AdminClient {
  private AdminClient() {}

  public static RpcClient connect(Path dataDir, Duration timeout) throws IOException {
    String url;
    try {
      url = Files.readString(dataDir.resolve(AdminServer.URL_FILE), StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      throw new IOException("no role is running with data directory " + dataDir + " (no "
          + AdminServer.URL_FILE + ")");
    }
    AdminToken token = AdminToken.read(dataDir.resolve(AdminToken.FILE));
    return new RpcClient(URI.create(url), timeout, Map.of("Authorization", token.bearer()));
  }
}
