package org.shardledger.rpc.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The secret a role's admin interface asks for: 32 random bytes as hex in {@code DATA/admin.token}, created on
 * first start readable by its owner only (0600) and read back on every start after. Whoever can read the data
 * directory can administer the role; nobody else can.
 */
public final class AdminToken {
  public static final String FILE = "admin.token";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final String value;

  private AdminToken(String value) {
    this.value = value;
  }

  /** Reads the token in {@code dataDir}, creating it (0600) when there is none. */
  public static AdminToken loadOrCreate(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: use theirs
      } catch (UnsupportedOperationException notPosix) {
        throw new IOException("cannot create " + file + " readable by its owner only on this file system");
      }
    }
    return read(file);
  }

  /** Reads a token file (what a client such as {@code prover exit} does). */
  public static AdminToken read(Path file) throws IOException {
    String v = Files.readString(file, StandardCharsets.US_ASCII).trim();
    if (!v.matches("[0-9a-f]{64}")) {
      throw new IOException(file + " does not hold an admin token (64 hex digits)");
    }
    return new AdminToken(v);
  }

  /** What a client sends: {@code Authorization: Bearer <token>}. */
  public String bearer() {
    return "Bearer " + value;
  }

  /** The token itself, for a URL a person opens on this machine (a dashboard link's fragment). */
  public String hex() {
    return value;
  }

  /** Whether an {@code Authorization} header carries this token; compares in constant time. */
  public boolean authorizes(String authorization) {
    return authorization != null && MessageDigest.isEqual(authorization.trim().getBytes(StandardCharsets.US_ASCII),
        bearer().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "AdminToken(…)";
  }
}
