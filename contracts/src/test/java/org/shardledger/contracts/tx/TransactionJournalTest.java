package org.shardledger.contracts.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;

class TransactionJournalTest {
  static final Address SENDER = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

  @TempDir
  Path dir;

  static JournalEntry entry(long nonce) {
    return new JournalEntry(nonce, "settle epoch " + nonce, "0x02f8" + nonce,
        Keccak256.hash("tx" + nonce), JournalEntry.State.PENDING, "");
  }

  @Test
  void pendingEntriesSurviveAReopenAndFinishedOnesAreCompactedAway() throws IOException {
    try (TransactionJournal journal = TransactionJournal.open(dir, SENDER)) {
      journal.recordSigned(entry(0));
      journal.recordSigned(entry(1));
      journal.recordSigned(entry(2));
      journal.recordOutcome(entry(0).with(JournalEntry.State.DONE, "block 5"));
      journal.recordOutcome(entry(2).with(JournalEntry.State.FAILED, "reverted"));
    }
    try (TransactionJournal journal = TransactionJournal.open(dir, SENDER)) {
      assertThat(journal.pending()).extracting(JournalEntry::nonce).containsExactly(1L);
      assertThat(journal.pending().get(0).rawTransaction()).isEqualTo("0x02f81");
      assertThat(journal.highestNonce()).hasValue(2);
    }
    assertThat(Files.readAllLines(dir.resolve(SENDER.toHex() + ".jsonl"))).hasSize(2);
  }

  @Test
  void aTornLastLineFromACrashIsIgnored() throws IOException {
    try (TransactionJournal journal = TransactionJournal.open(dir, SENDER)) {
      journal.recordSigned(entry(7));
    }
    Files.writeString(dir.resolve(SENDER.toHex() + ".jsonl"), "{\"nonce\":8,\"purp", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (TransactionJournal journal = TransactionJournal.open(dir, SENDER)) {
      assertThat(journal.pending()).extracting(JournalEntry::nonce).containsExactly(7L);
    }
  }

  @Test
  void corruptionBeforeTheLastLineIsAnErrorNotASilentLoss() throws IOException {
    Path file = dir.resolve(SENDER.toHex() + ".jsonl");
    Files.writeString(file, "garbage\n{\"also\":\"garbage\"}\n");
    assertThatThrownBy(() -> TransactionJournal.open(dir, SENDER)).isInstanceOf(IOException.class)
        .hasMessageContaining("corrupt at line 1");
  }
}
