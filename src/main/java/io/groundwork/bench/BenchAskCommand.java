package io.groundwork.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.eval.DevSet;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Latency of {@code POST /api/ask} over a question set, one question at a time, against one
 * running server or two side by side (an A/B of two builds or two configurations). With two,
 * every question goes to both back to back, the first of the pair alternating, so that whatever
 * else the machine is doing falls on both alike; both first answer the whole set once unmeasured
 * (the JIT compiler and the caches settle). Each distinct question text is asked once per pass.
 * Only loopback servers, unless told otherwise.
 */
@Command(name = "bench-ask",
    description = "Time POST /api/ask over the development set's questions against one running"
        + " server, or two side by side (A/B), and print p50/p95/p99 per server.")
public class BenchAskCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--url", required = true,
      description = "A running server; give it twice for an A/B (first = A).")
  List<URI> urls;

  @Option(names = "--questions", defaultValue = "ingestion/eval/devset/questions.yaml",
      description = "The question set (development-set format; default: ${DEFAULT-VALUE}).")
  Path questions;

  @Option(names = "--user", defaultValue = "alice",
      description = "Every question is asked as this user (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--password", defaultValue = "alice-pass",
      description = "Password (default: ${DEFAULT-VALUE}).")
  String password;

  @Option(names = "--passes", defaultValue = "2",
      description = "Measured passes over the set (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--allow-remote", description = "Allow servers that are not on loopback.")
  boolean allowRemote;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (urls.size() > 2) {
      err.println("groundwork: --url at most twice (one server, or an A/B of two)");
      return 2;
    }
    if (passes < 1) {
      err.println("groundwork: --passes must be at least 1, got " + passes);
      return 2;
    }
    for (URI url : urls) {
      if (!allowRemote && !InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
        err.println("groundwork: " + url.getHost()
            + " is not a loopback address; time only your own server (or pass --allow-remote)");
        return 2;
      }
    }
    List<String> asked = DevSet.load(questions).questions().stream()
        .map(DevSet.DevQuestion::question).distinct().toList();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));

    int servers = urls.size();
    for (String question : asked) {
      for (URI url : urls) {
        int status = ask(http, url, auth, question).status();
        if (status != 200) {
          err.println("groundwork: warm-up ask to " + url + " answered " + status + ": "
              + question);
          return 1;
        }
      }
    }
    List<List<LoadRun.Outcome>> timings = new ArrayList<>();
    for (int s = 0; s < servers; s++) {
      timings.add(new ArrayList<>());
    }
    int turn = 0;
    for (int pass = 0; pass < passes; pass++) {
      for (String question : asked) {
        for (int k = 0; k < servers; k++) {
          int s = (turn + k) % servers;
          timings.get(s).add(ask(http, urls.get(s), auth, question));
        }
        turn++;
      }
    }
    out.printf(Locale.ROOT, "%d questions as %s, %d measured pass(es), one at a time%s%n",
        asked.size(), user, passes, servers == 2 ? ", A and B alternating" : "");
    List<List<LoadRun.Outcome>> answered = timings.stream()
        .map(t -> t.stream().filter(o -> o.status() == 200).toList()).toList();
    for (int s = 0; s < servers; s++) {
      List<LoadRun.Outcome> ok = answered.get(s);
      out.printf(Locale.ROOT, "%s %s: %d answered, %d failed; p50 %.0f ms, p95 %.0f ms,"
              + " p99 %.0f ms%n", servers == 2 ? (s == 0 ? "A" : "B") : "server", urls.get(s),
          ok.size(), timings.get(s).size() - ok.size(), LoadRun.quantileMillis(ok, 0.5),
          LoadRun.quantileMillis(ok, 0.95), LoadRun.quantileMillis(ok, 0.99));
    }
    if (servers == 2) {
      out.printf(Locale.ROOT, "B / A: p50 %.2f, p95 %.2f%n",
          LoadRun.quantileMillis(answered.get(1), 0.5)
              / LoadRun.quantileMillis(answered.get(0), 0.5),
          LoadRun.quantileMillis(answered.get(1), 0.95)
              / LoadRun.quantileMillis(answered.get(0), 0.95));
    }
    out.flush();
    boolean failures = timings.stream().flatMap(List::stream).anyMatch(o -> o.status() != 200);
    return failures ? 1 : 0;
  }

  private static LoadRun.Outcome ask(HttpClient http, URI url, String auth, String question)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/ask"))
        .timeout(Duration.ofSeconds(120)).header("Authorization", auth)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            JSON.writeValueAsString(Map.of("question", question))))
        .build();
    long t0 = System.nanoTime();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    return new LoadRun.Outcome(status, System.nanoTime() - t0);
  }
}
