package org.shardledger.chainstore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The little JDBC every store repeats, in one place: positional binding ({@link BigInteger} as {@code DECIMAL},
 * {@link Instant} as {@code TIMESTAMP}), updates, and mapped queries for a list or at most one row. Transactions are
 * {@link Database#transaction}'s; these work on the connection it hands out.
 */
public final class Jdbc {
  private Jdbc() {}

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  /** Binds {@code args} to the statement's parameters 1, 2, …. */
  public static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, toSql(args[i]));
    }
  }

  /** Runs an INSERT, UPDATE, MERGE or DELETE; returns the rows it changed. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    }
  }

  /** Every row of a query, mapped, in the order the query returns them. */
  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<T> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row.map(r));
        }
      }
      return out;
    }
  }

  /**
   * The one row of a query, mapped, or empty when there is none; a query that returns more than one row is a bug
   * in its caller ({@link IllegalStateException}).
   */
  public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        T found = row.map(r);
        if (r.next()) {
          throw new IllegalStateException("more than one row for: " + sql);
        }
        return Optional.of(found);
      }
    }
  }

  /** A {@code DECIMAL} column holding a whole number (amounts in wei). */
  public static BigInteger bigInteger(ResultSet r, int column) throws SQLException {
    BigDecimal d = r.getBigDecimal(column);
    return d == null ? null : d.toBigIntegerExact();
  }

  private static Object toSql(Object arg) {
    if (arg instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (arg instanceof Instant t) {
      return Timestamp.from(t);
    }
    return arg;
  }
}
