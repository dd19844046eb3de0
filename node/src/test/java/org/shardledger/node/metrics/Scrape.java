package org.shardledger.node.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text exposition, parsed: samples by name and labels, for tests that read what an operator would. */
public record Scrape(String text, List<Sample> samples) {
  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
    }
    return new Scrape(text, List.copyOf(samples));
  }

  /** GET the URL, as Prometheus does. */
  public static Scrape get(URI url) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + " answered " + r.statusCode());
    }
    return parse(r.body());
  }

  /** The sum of every sample of {@code name} whose labels include {@code match} (key, value, key, value…). */
  public double sum(String name, String... match) {
    double total = 0;
    boolean found = false;
    outer:
    for (Sample s : samples) {
      if (!s.name().equals(name)) {
        continue;
      }
      for (int i = 0; i + 1 < match.length; i += 2) {
        if (!match[i + 1].equals(s.labels().get(match[i]))) {
          continue outer;
        }
      }
      total += s.value();
      found = true;
    }
    if (!found) {
      throw new AssertionError("no sample " + name + " " + String.join(",", match) + " in:\n" + text);
    }
    return total;
  }

  public boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }
}
