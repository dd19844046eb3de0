package org.shardledger.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestCodec;
import org.shardledger.client.manifest.ManifestFile;
import org.shardledger.client.manifest.ManifestRejectedException;

/** The MANIFEST argument of the owner's network commands: read strictly, or refused with the reason printed. */
final class ManifestArgument {
  private ManifestArgument() {}

  /** The manifest, or empty after printing why it was refused (the command then exits with EXIT_BAD_INPUT). */
  static Optional<Manifest> read(Path manifest, PrintWriter err) throws IOException {
    try {
      return Optional.of(ManifestCodec.parse(ManifestFile.read(manifest)));
    } catch (ManifestRejectedException e) {
      err.println("error: manifest refused (" + e.problem() + "): " + e.getMessage());
      return Optional.empty();
    }
  }
}
