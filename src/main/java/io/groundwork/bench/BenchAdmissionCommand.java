package io.groundwork.bench;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Admission control under load, against a running server: first the latency of questions asked
 * one at a time (unloaded), then the same question from many concurrent clients (e.g. twice the
 * answer pool's concurrency plus queue); prints how many were admitted and how fast, how many
 * were refused with 429 and how fast, and anything else (5xx, transport failures), with the
 * server's own rejection counter before and after. Only loopback servers, unless told otherwise.
 */
@Command(name = "bench-admission",
    description = "Load a running server's POST /api/ask with concurrent clients and print admitted"
        + " and refused requests with their latencies (admission control).")
public class BenchAdmissionCommand implements Callable<Integer> {
  private static final Pattern REJECTED = Pattern.compile(
      "groundwork_admission_rejected_total\\{pool=\"answer\",reason=\"(\\w+)\"} ([0-9.eE+]+)");

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
      description = "The server (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--user", defaultValue = "bob", description = "User (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--password", defaultValue = "bob-pass",
      description = "Password (default: ${DEFAULT-VALUE}).")
  String password;

  @Option(names = "--question", defaultValue = "How do I reset my password?",
      description = "The question every client asks.")
  String question;

  @Option(names = "--unloaded", defaultValue = "20",
      description = "Questions asked one at a time first (default: ${DEFAULT-VALUE}).")
  int unloaded;

  @Option(names = "--clients", required = true,
      description = "Concurrent clients of the loaded phase, e.g. 2 x (concurrency + queue).")
  int clients;

  @Option(names = "--requests", defaultValue = "400",
      description = "Requests of the loaded phase (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--time-limit", defaultValue = "PT3M",
      description = "Longest the loaded phase runs (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeLimit;

  @Option(names = "--honor-retry-after",
      description = "A refused client waits the Retry-After the server names before its next"
          + " request, as a well-behaved client does (default: it asks again at once, the worst"
          + " case for the server).")
  boolean honorRetryAfter;

  @Option(names = "--allow-remote", description = "Allow a server that is not on loopback.")
  boolean allowRemote;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!allowRemote && !InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
      spec.commandLine().getErr().println("groundwork: " + url.getHost()
          + " is not a loopback address; load only your own server (or pass --allow-remote)");
      return 1;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .executor(java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("bench-http-", 0).factory()))
        .build();
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    String body = "{\"question\":\"" + question.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
    HttpRequest ask = HttpRequest.newBuilder(url.resolve("/api/ask"))
        .timeout(Duration.ofSeconds(120)).header("Authorization", auth)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    LoadRun.Request send = () -> LoadRun.Reply.of(
        http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode());
    LoadRun.Request loadedSend = !honorRetryAfter ? send : () -> {
      HttpResponse<Void> response = http.send(ask, HttpResponse.BodyHandlers.discarding());
      Duration backOff = response.statusCode() != 429 ? Duration.ZERO : Duration.ofSeconds(
          response.headers().firstValueAsLong("Retry-After").orElse(1));
      return new LoadRun.Reply(response.statusCode(), backOff);
    };
    HttpRequest metrics = HttpRequest.newBuilder(url.resolve("/q/metrics"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", auth).GET().build();

    for (int i = 0; i < 3; i++) {
      int status = send.send().status();
      if (status != 200) {
        spec.commandLine().getErr().println("groundwork: warm-up ask answered " + status);
        return 1;
      }
    }
    LoadRun.Result quiet = LoadRun.run(send, 1, unloaded, timeLimit);
    out.printf(Locale.ROOT, "unloaded: %d asks one at a time: p50 %.0f ms, p95 %.0f ms%n",
        quiet.withStatus(200).size(), LoadRun.quantileMillis(quiet.withStatus(200), 0.5),
        LoadRun.quantileMillis(quiet.withStatus(200), 0.95));

    String before = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
    LoadRun.Result loaded = LoadRun.run(loadedSend, clients, requests, timeLimit);
    String after = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
    var admitted = loaded.withStatus(200);
    var refused = loaded.withStatus(429);
    long other = loaded.count(s -> s != 200 && s != 429);
    out.printf(Locale.ROOT, "loaded: %d clients%s, %d requests in %.1f s%n", clients,
        honorRetryAfter ? " waiting Retry-After when refused" : " asking again at once",
        loaded.outcomes().size(), loaded.wallTime().toMillis() / 1000.0);
    out.printf(Locale.ROOT, "  admitted (200): %d, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
        admitted.size(), LoadRun.quantileMillis(admitted, 0.5),
        LoadRun.quantileMillis(admitted, 0.95), LoadRun.quantileMillis(admitted, 0.99));
    out.printf(Locale.ROOT, "  refused (429): %d, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
        refused.size(), LoadRun.quantileMillis(refused, 0.5),
        LoadRun.quantileMillis(refused, 0.95), LoadRun.quantileMillis(refused, 1.0));
    out.printf(Locale.ROOT, "  other (5xx, 4xx, transport failures): %d%n", other);
    out.printf(Locale.ROOT, "  server counter groundwork_admission_rejected_total{pool=answer}:"
        + " queue_full +%.0f, timeout +%.0f%n",
        rejected(after, "queue_full") - rejected(before, "queue_full"),
        rejected(after, "timeout") - rejected(before, "timeout"));
    out.printf(Locale.ROOT, "  admitted p95 / unloaded p95: %.2f%n",
        LoadRun.quantileMillis(admitted, 0.95)
            / LoadRun.quantileMillis(quiet.withStatus(200), 0.95));
    out.flush();
    return other == 0 ? 0 : 2;
  }

  private static double rejected(String metrics, String reason) {
    Matcher m = REJECTED.matcher(metrics);
    while (m.find()) {
      if (m.group(1).equals(reason)) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
