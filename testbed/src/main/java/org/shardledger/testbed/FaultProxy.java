package org.shardledger.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.shardledger.testkit.LoopbackAcceptor;

/**
 * A TCP proxy on loopback in front of one role, with the faults a test turns on and off: latency per chunk, a slow
 * link (bytes per second), new connections dropped, every open connection reset (RST), and a partition (bytes and
 * new connections held, nothing forwarded, until it heals). Everything passes through unchanged otherwise.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;

  private final InetSocketAddress target;
  private LoopbackAcceptor acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile long latencyMillis;
  private volatile long bytesPerSecond;
  private volatile boolean dropNew;
  private volatile boolean partitioned;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target) {
    this.target = target;
  }

  /** A proxy on a free loopback port forwarding to {@code target}. */
  public static FaultProxy start(InetSocketAddress target) throws IOException {
    FaultProxy proxy = new FaultProxy(target);
    proxy.acceptor = LoopbackAcceptor.start("fault-proxy", proxy::connect);
    return proxy;
  }

  public InetSocketAddress address() {
    return acceptor.address();
  }

  /** "127.0.0.1:PORT", as {@code --dial} and {@code --endpoint} take it. */
  public String hostPort() {
    return "127.0.0.1:" + acceptor.port();
  }

  public void latency(long millis) {
    latencyMillis = millis;
  }

  /** Limits each direction of each connection to about {@code rate} bytes per second; 0 lifts the limit. */
  public void slowLink(long rate) {
    bytesPerSecond = rate;
  }

  public void dropNewConnections(boolean drop) {
    dropNew = drop;
  }

  public void partition(boolean on) {
    partitioned = on;
  }

  /** Resets every open connection (RST, not FIN), as a crashed middlebox would. */
  public void resetAll() {
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0);
        s.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }

  /** Back to a clean link; open connections are kept. */
  public void heal() {
    latencyMillis = 0;
    bytesPerSecond = 0;
    dropNew = false;
    partitioned = false;
  }

  public int openConnections() {
    return open.size() / 2;
  }

  private void connect(Socket client) {
    if (dropNew || closed) {
      closeQuietly(client);
      return;
    }
    while (partitioned && !closed && !client.isClosed()) {
      LockSupport.parkNanos(20_000_000L);
    }
    Socket upstream = new Socket();
    try {
      upstream.connect(target, 5_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    open.add(client);
    open.add(upstream);
    Thread.ofVirtual().start(() -> pump(client, upstream));
    Thread.ofVirtual().start(() -> pump(upstream, client));
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[CHUNK];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        while (partitioned && !closed && !from.isClosed()) {
          LockSupport.parkNanos(20_000_000L);
        }
        long latency = latencyMillis;
        long rate = bytesPerSecond;
        long waitNanos = latency * 1_000_000L + (rate > 0 ? n * 1_000_000_000L / rate : 0);
        if (waitNanos > 0) {
          LockSupport.parkNanos(waitNanos);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: close both
    } finally {
      open.remove(from);
      open.remove(to);
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    closed = true;
    acceptor.close();
    resetAll();
  }
}
