package org.shardledger.node.roles;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a role's factory opened (database, chain connection, follower, clients), closed in reverse order: by the
 * factory when building fails half way, by the role when it stops.
 */
public final class RoleResources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoleResources.class);

  private final String role;
  private final List<AutoCloseable> opened = new ArrayList<>();

  public RoleResources(String role) {
    this.role = role;
  }

  /** Keeps {@code resource} to close after everything kept before it. */
  public synchronized <T extends AutoCloseable> T keep(T resource) {
    opened.add(resource);
    return resource;
  }

  /** Closes everything kept, newest first; a failure is logged and the rest still closed. */
  @Override
  public synchronized void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        LOG.warn("while stopping the {}: {}", role, e.toString());
      }
    }
    opened.clear();
  }
}
