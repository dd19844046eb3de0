package org.shardledger.contracts.events;

import java.io.IOException;
import java.util.Optional;

/** Where a follower keeps its cursor across restarts. Roles with a database keep it there. */
public interface CursorStore {
  Optional<FollowerCursor> load() throws IOException;

  void save(FollowerCursor cursor) throws IOException;

  /** A cursor kept in memory only: for tests. */
  static CursorStore inMemory() {
    return new CursorStore() {
      private FollowerCursor cursor;

      @Override
      public synchronized Optional<FollowerCursor> load() {
        return Optional.ofNullable(cursor);
      }

      @Override
      public synchronized void save(FollowerCursor c) {
        cursor = c;
      }
    };
  }
}
