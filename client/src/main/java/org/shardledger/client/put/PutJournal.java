package org.shardledger.client.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * What a put did, one fsync'd JSON line per step, written before the step's transaction goes out (proposing) or as
 * soon as it is known (proposed, activated, cancelled): a put killed anywhere is finished or cleaned up by the next
 * run with the same manifest path. Lines: {@code proposing} (the roots), {@code proposed} (part, shard, deal),
 * {@code activated} (the deals that hold the file), {@code cancelled}, {@code done}. A torn last line is ignored.
 */
final class PutJournal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A deal a put proposed: shard {@code shard} of part {@code part}. */
  record Slot(int part, int shard, long deal) {}

  /** What the journal says happened. */
  record State(Path spool, String fileId, Set<Bytes32> roots, List<Slot> proposed, List<Slot> activated, Set<Long> cancelled,
      boolean done) {
    boolean began() {
      return !roots.isEmpty();
    }
  }

  private final Path file;
  private final FileChannel channel;

  private PutJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  static Path of(Path manifestOut) {
    return manifestOut.resolveSibling(manifestOut.getFileName() + ".put-journal");
  }

  static PutJournal create(Path file) throws IOException {
    return new PutJournal(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
  }

  static State read(Path file) throws IOException {
    Path spool = null;
    String fileId = null;
    Set<Bytes32> roots = new LinkedHashSet<>();
    Map<Long, Slot> proposed = new LinkedHashMap<>();
    List<Slot> activated = new ArrayList<>();
    Set<Long> cancelled = new LinkedHashSet<>();
    boolean done = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode entry;
      try {
        entry = JSON.readTree(line);
      } catch (IOException torn) {
        break; // the process died while writing this line: nothing after it happened
      }
      if (entry == null || !entry.has("step")) {
        break;
      }
      switch (entry.get("step").asText()) {
        case "proposing" -> {
          spool = Path.of(entry.get("spool").asText());
          fileId = entry.get("fileId").asText();
          entry.get("roots").forEach(r -> roots.add(Bytes32.fromHex(r.asText())));
        }
        case "proposed" -> slots(entry).forEach(s -> proposed.put(s.deal(), s));
        case "activated" -> activated.addAll(slots(entry));
        case "cancelled" -> entry.get("deals").forEach(d -> cancelled.add(d.asLong()));
        case "done" -> done = true;
        default -> throw new IOException(file + ": unknown step " + entry.get("step"));
      }
    }
    return new State(spool, fileId, roots, List.copyOf(proposed.values()), activated, cancelled, done);
  }

  void proposing(Path spool, Bytes32 fileId, Collection<Bytes32> roots) throws IOException {
    ObjectNode entry = JSON.createObjectNode().put("step", "proposing").put("spool", spool.toString())
        .put("fileId", fileId.toHex().substring(2));
    ArrayNode list = entry.putArray("roots");
    roots.forEach(r -> list.add(r.toHex()));
    append(entry);
  }

  void proposed(List<Slot> slots) throws IOException {
    append(withSlots("proposed", slots));
  }

  void activated(List<Slot> slots) throws IOException {
    append(withSlots("activated", slots));
  }

  void cancelled(Collection<Long> deals) throws IOException {
    ObjectNode entry = JSON.createObjectNode().put("step", "cancelled");
    ArrayNode list = entry.putArray("deals");
    deals.forEach(list::add);
    append(entry);
  }

  void done() throws IOException {
    append(JSON.createObjectNode().put("step", "done"));
  }

  /** Closes and deletes the journal: the put is over and nothing is left to recover. */
  void finish() throws IOException {
    close();
    Files.deleteIfExists(file);
  }

  private static ObjectNode withSlots(String step, List<Slot> slots) {
    ObjectNode entry = JSON.createObjectNode().put("step", step);
    ArrayNode list = entry.putArray("slots");
    slots.forEach(s -> list.addObject().put("part", s.part()).put("shard", s.shard()).put("deal", s.deal()));
    return entry;
  }

  private static List<Slot> slots(JsonNode entry) {
    List<Slot> out = new ArrayList<>();
    entry.get("slots").forEach(s -> out.add(new Slot(s.get("part").asInt(), s.get("shard").asInt(),
        s.get("deal").asLong())));
    return out;
  }

  private void append(ObjectNode entry) throws IOException {
    ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) {
      channel.write(line);
    }
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
