package org.shardledger.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.proof.MalformedProofException;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify-proof", mixinStandardHelpOptions = true,
    description = "Checks a storage proof against a commitment and a challenge. Prints VALID (exit 0) or INVALID "
        + "and the reason (exit 1); exit 2 when the proof cannot be read.")
final class VerifyProofCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PROOF.json", description = "The proof, as printed by 'shardledger prove'.")
  Path proofFile;

  @Option(names = "--root", required = true, converter = CommandValues.Bytes32Converter.class,
      description = "The committed root (0x + 64 hex digits).")
  Bytes32 root;

  @Option(names = "--size", required = true, description = "The shard's size in bytes.")
  long size;

  @Option(names = "--segment-size", required = true, description = "The committed segment size.")
  int segmentSize;

  @Mixin
  ChallengeOptions challenge;

  @Override
  public Integer call() {
    StorageProof proof;
    try {
      proof = StorageProofJson.fromJson(Files.readString(proofFile));
    } catch (NoSuchFileException e) {
      return unreadable("no such file: " + proofFile);
    } catch (IOException e) {
      return unreadable("cannot read " + proofFile + ": " + e.getMessage());
    } catch (MalformedProofException e) {
      return unreadable(proofFile + " is not a storage proof: " + e.getMessage());
    }
    ProofVerdict verdict = ProofVerifier.verify(new ShardCommitment(root, size, segmentSize),
        challenge.challenge(), proof);
    spec.commandLine().getOut().println(verdict);
    return verdict.isValid() ? 0 : 1;
  }

  private int unreadable(String message) {
    spec.commandLine().getErr().println("error: " + message);
    return ShardledgerCommand.EXIT_BAD_INPUT;
  }
}
