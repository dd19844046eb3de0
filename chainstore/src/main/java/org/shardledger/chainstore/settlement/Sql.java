package org.shardledger.chainstore.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binding positional parameters: the little JDBC every store here repeats. */
final class Sql {
  private Sql() {}

  static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    }
  }
}
