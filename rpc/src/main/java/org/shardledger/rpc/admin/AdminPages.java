package org.shardledger.rpc.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shardledger.rpc.http.HttpAnswer;
import org.shardledger.rpc.http.HttpCall;
import org.shardledger.rpc.http.HttpService;

/**
 * The static pages an admin interface serves (a role's dashboard): a fixed list of files read from the jar at
 * start, nothing else — no path is ever mapped to the disk, so there is nothing to traverse. Every page carries a
 * content security policy that lets it load only its own files and talk only to its own origin, so even a value
 * that got into the page as markup could neither run nor call out.
 */
public final class AdminPages implements HttpService {
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", POLICY,
      "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Cache-Control", "no-store",
      "X-Frame-Options", "DENY");

  /** One file: where it is served ({@code /} for the index), its classpath resource and its type. */
  public record Asset(String path, String resource, String contentType) {
    public Asset {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(contentType, "contentType");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("an asset's path starts with /: " + path);
      }
    }
  }

  /** The value readers every admin page loads before its own script ({@code <script src="/values.js">}). */
  public static final Asset VALUES = new Asset("/values.js", "/org/shardledger/rpc/admin/values.js",
      "text/javascript; charset=utf-8");

  private final Map<String, HttpAnswer> answers = new LinkedHashMap<>();

  /**
   * Reads {@link #VALUES} and every asset from {@code owner}'s class loader now; a missing one is a build error,
   * thrown here.
   */
  public AdminPages(Class<?> owner, List<Asset> assets) {
    List<Asset> all = new java.util.ArrayList<>(assets);
    all.add(VALUES);
    for (Asset a : all) {
      try (InputStream in = owner.getResourceAsStream(a.resource())) {
        if (in == null) {
          throw new IllegalStateException("asset " + a.resource() + " is not in the jar of " + owner.getName());
        }
        answers.put(a.path(), new HttpAnswer(200, a.contentType(), in.readAllBytes(), HEADERS));
      } catch (IOException e) {
        throw new UncheckedIOException("reading asset " + a.resource(), e);
      }
    }
  }

  /** The paths served, in the order given. */
  public List<String> paths() {
    return List.copyOf(answers.keySet());
  }

  @Override
  public HttpAnswer serve(HttpCall call) {
    if (!"GET".equals(call.method())) {
      return HttpAnswer.text(405, "text/plain", "pages take GET\n");
    }
    HttpAnswer answer = answers.get(call.path());
    return answer != null ? answer : HttpAnswer.text(404, "text/plain", "no such page\n");
  }
}
