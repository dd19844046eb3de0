package org.shardledger.node.ledger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.shardledger.testkit.LoopbackAcceptor;

/**
 * An HTTP JSON-RPC proxy in front of a chain node that can fail like a real outage: armed with a function
 * selector, it forwards the first transaction calling it (so it reaches the node) but drops the answer, and from then
 * on refuses every request until {@link #restore()}.
 */
final class FlakyRpcProxy implements AutoCloseable {
  private final URI target;
  private final LoopbackAcceptor server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch tripped = new CountDownLatch(1);
  private volatile String armedSelector;
  private volatile boolean down;

  FlakyRpcProxy(URI target) throws IOException {
    this.target = target;
    this.server = LoopbackAcceptor.start("flaky-rpc-proxy", this::connect);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** The next raw transaction whose calldata has this selector goes through, its answer is lost, and all goes down. */
  void failAfterForwarding(String selectorHex) {
    armedSelector = selectorHex.substring(2).toLowerCase(Locale.ROOT);
  }

  boolean awaitTrippedFor(java.time.Duration timeout) throws InterruptedException {
    return tripped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The chain RPC goes away now: every open connection is closed and new ones are refused until restore. */
  void goDown() throws IOException {
    down = true;
    for (Socket s : open) {
      s.close();
    }
  }

  void restore() {
    down = false;
  }

  private void connect(Socket s) {
    if (down) {
      try {
        s.close();
      } catch (IOException e) {
        // already gone
      }
      return;
    }
    open.add(s);
    serve(s);
  }

  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        String body = readRequest(in);
        if (body == null || down) {
          return;
        }
        String answer = forward(body);
        String selector = armedSelector;
        if (selector != null && body.contains("eth_sendRawTransaction") && body.toLowerCase(Locale.ROOT)
            .contains(selector)) {
          armedSelector = null;
          down = true;
          for (Socket other : open) {
            other.close();
          }
          tripped.countDown();
          return;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the connection is gone
    } finally {
      open.remove(s);
    }
  }

  private String forward(String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(target).timeout(java.time.Duration.ofSeconds(10))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The body of the next request on the connection, or null at its end. */
  private static String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    if (c == -1) {
      return null;
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
