package org.shardledger.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the dashboard in headless Chromium through {@code dashboard-tests/snapshot.js} (playwright-core,
 * {@code /usr/bin/chromium}) and reads back what the page shows.
 */
final class PageDriver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger CREDIT = BigInteger.TEN.pow(18);

  private PageDriver() {}

  /** The project's {@code dashboard-tests} directory, found upwards from the working directory. */
  static Path scripts() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path dir = p.resolve("dashboard-tests");
      if (Files.isRegularFile(dir.resolve("snapshot.js"))) {
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("playwright-core"))) {
          throw new IllegalStateException("playwright-core is not installed: run 'npm ci' in " + dir);
        }
        return dir;
      }
    }
    throw new IllegalStateException("no dashboard-tests/snapshot.js above " + Path.of("").toAbsolutePath());
  }

  /** Opens {@code url}, does what {@code flags} say (see snapshot.js) and returns what the page shows. */
  static JsonNode snapshot(URI url, String... flags) throws IOException, InterruptedException {
    return run("snapshot.js", url, flags);
  }

  /** Runs {@code script} of {@code dashboard-tests} on {@code url} and returns the JSON object it prints. */
  static JsonNode run(String script, URI url, String... flags) throws IOException, InterruptedException {
    Path dir = scripts();
    List<String> command = new ArrayList<>(List.of("node", script, url.toString()));
    command.addAll(List.of(flags));
    Path err = Files.createTempFile("dashboard-page", ".err");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("the page driver did not finish");
    }
    String stderr = Files.readString(err);
    Files.delete(err);
    if (p.exitValue() != 0) {
      throw new IOException("the page driver failed (" + p.exitValue() + "): " + stderr);
    }
    return JSON.readTree(new String(out, StandardCharsets.UTF_8));
  }

  /** Base units as the page shows credits: whole credits and two decimals, cut (not rounded). */
  static String credits(BigInteger baseUnits) {
    BigInteger[] parts = baseUnits.divideAndRemainder(CREDIT);
    return parts[0] + "." + String.format("%02d", parts[1].multiply(BigInteger.valueOf(100)).divide(CREDIT));
  }
}
