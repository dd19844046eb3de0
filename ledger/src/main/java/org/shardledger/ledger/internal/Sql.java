package org.shardledger.ledger.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The little JDBC the ledger's stores share: positional binding, updates, mapped queries. */
public final class Sql {
  private Sql() {}

  /** Maps one row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  public static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      s.setObject(i + 1, a instanceof BigInteger b ? new BigDecimal(b) : a);
    }
  }

  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    }
  }

  public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
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

  public static BigInteger bigInteger(ResultSet r, int column) throws SQLException {
    return r.getBigDecimal(column).toBigIntegerExact();
  }
}
