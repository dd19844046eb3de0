package org.shardledger.chainstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.shardledger.contracts.events.ChainEvent;

/**
 * The mirror's record of logs that do not fit the node's types. An unusable deal has no deal row (none is made, and
 * one made before is removed), so no audit, settlement or dispute uses it and later events about its id change
 * nothing; an unusable operator loses its registration row (unreachable for audits, ineligible). Every such log is
 * kept here with its reason.
 */
public final class UnusableLogs {
  /** One set-aside log: where it is, what it named ({@code DEAL}, {@code OPERATOR} or {@code LOG}) and why. */
  public record Entry(long block, long logIndex, String transactionHash, String event, String kind, String subject,
      String reason) {}

  private UnusableLogs() {}

  static void record(Connection c, ChainEvent.Unusable e) throws SQLException {
    String kind;
    String subject;
    switch (e) {
      case ChainEvent.UnusableDeal d -> {
        kind = "DEAL";
        subject = d.dealId().toString();
        if (d.dealId().bitLength() < 64) {
          Jdbc.update(c, "DELETE FROM deals WHERE id = ?", d.dealId().longValue());
        }
      }
      case ChainEvent.UnusableOperator o -> {
        kind = "OPERATOR";
        subject = o.operator().toHex();
        Jdbc.update(c, "DELETE FROM operators WHERE address = ?", subject);
      }
      case ChainEvent.UnusableLog l -> {
        kind = "LOG";
        subject = null;
      }
    }
    String reason = e.reason() == null ? "" : e.reason();
    Jdbc.update(c, "MERGE INTO unusable_logs (block, log_index, tx_hash, event, kind, subject, reason) "
        + "KEY (block, log_index) VALUES (?, ?, ?, ?, ?, ?, ?)", e.origin().blockNumber(), e.origin().logIndex(),
        e.origin().transactionHash().toHex(), e.event(), kind, subject,
        reason.length() > 1024 ? reason.substring(0, 1024) : reason);
  }

  static List<Entry> all(Connection c) throws SQLException {
    return Jdbc.list(c, "SELECT block, log_index, tx_hash, event, kind, subject, reason FROM unusable_logs "
        + "ORDER BY block, log_index", r -> new Entry(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
            r.getString(5), r.getString(6), r.getString(7)));
  }
}
