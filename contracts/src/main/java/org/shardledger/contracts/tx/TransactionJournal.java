package org.shardledger.contracts.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, fsync'd log of one sender's signed transactions (JSON lines). A transaction is written down
 * before it is broadcast, and its outcome when it is known, so a process killed at any point can find, after a
 * restart, exactly what it had signed and still owes a receipt for. A torn last line (a crash mid-write) is
 * ignored. The file is compacted at open to the pending entries and the highest nonce.
 */
public final class TransactionJournal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<Bytes32, JournalEntry> entries = new LinkedHashMap<>();
  private long highestNonce = -1;
  private FileChannel channel;

  private TransactionJournal(Path file) {
    this.file = file;
  }

  public static TransactionJournal open(Path dir, Address sender) throws IOException {
    Files.createDirectories(dir);
    TransactionJournal journal = new TransactionJournal(dir.resolve(sender.toHex() + ".jsonl"));
    journal.load();
    journal.compact();
    return journal;
  }

  /** Entries still waiting for a receipt, in nonce order. */
  public synchronized List<JournalEntry> pending() {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries.values()) {
      if (e.state() == JournalEntry.State.PENDING) {
        out.add(e);
      }
    }
    out.sort((a, b) -> Long.compare(a.nonce(), b.nonce()));
    return out;
  }

  /** The highest nonce ever signed through this journal. */
  public synchronized OptionalLong highestNonce() {
    return highestNonce < 0 ? OptionalLong.empty() : OptionalLong.of(highestNonce);
  }

  /** Writes down a freshly signed transaction; returns once it is on disk. */
  public synchronized void recordSigned(JournalEntry entry) throws IOException {
    append(entry);
  }

  /** Writes down what became of a transaction. */
  public synchronized void recordOutcome(JournalEntry entry) throws IOException {
    append(entry);
  }

  private void append(JournalEntry entry) throws IOException {
    byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
    entries.put(entry.hash(), entry);
    highestNonce = Math.max(highestNonce, entry.nonce());
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JournalEntry e = fromJson(JSON.readTree(line));
        entries.put(e.hash(), e);
        highestNonce = Math.max(highestNonce, e.nonce());
      } catch (IOException | RuntimeException ex) {
        if (i == lines.size() - 1) {
          LOG.warn("ignoring a torn last line in {} (a crash while writing it)", file);
        } else {
          throw new IOException("transaction journal " + file + " is corrupt at line " + (i + 1), ex);
        }
      }
    }
  }

  /** Rewrites the file with the pending entries and one marker of the highest nonce, atomically. */
  private void compact() throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    StringBuilder out = new StringBuilder();
    JournalEntry newest = null;
    for (JournalEntry e : entries.values()) {
      if (e.state() == JournalEntry.State.PENDING) {
        out.append(toJson(e)).append('\n');
      }
      if (newest == null || e.nonce() > newest.nonce()) {
        newest = e;
      }
    }
    if (newest != null && newest.state() != JournalEntry.State.PENDING) {
      out.append(toJson(newest)).append('\n');
    }
    try (FileChannel tmpChannel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      tmpChannel.write(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
      tmpChannel.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    entries.values().removeIf(e -> e.state() != JournalEntry.State.PENDING);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private static String toJson(JournalEntry e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("nonce", e.nonce());
    node.put("purpose", e.purpose());
    node.put("raw", e.rawTransaction());
    node.put("hash", e.hash().toHex());
    node.put("state", e.state().name());
    node.put("detail", e.detail());
    return node.toString();
  }

  private static JournalEntry fromJson(JsonNode n) {
    return new JournalEntry(n.get("nonce").asLong(), n.get("purpose").asText(), n.get("raw").asText(),
        Bytes32.fromHex(n.get("hash").asText()), JournalEntry.State.valueOf(n.get("state").asText()),
        n.path("detail").asText(""));
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
