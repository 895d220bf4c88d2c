package io.groundwork.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bench-ask against two small local HTTP servers standing in for two builds of the app. */
class BenchAskCommandTest {
  private final List<HttpServer> servers = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  /** A server answering /api/ask with {@code status}, recording the bodies it received. */
  private URI server(int status, List<String> bodies) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/ask", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.setExecutor(Executors.newSingleThreadExecutor(
        Thread.ofPlatform().name("bench-ask-test-server").factory()));
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private Path questions() throws Exception {
    Path file = dir.resolve("questions.yaml");
    Files.writeString(file, """
        source: samples
        questions:
          - {id: a, question: "how many days of leave?", user: bob, documents: [hr/leave.md], facts: ["25"]}
          - {id: b, question: "who is the \\"CFO\\"?", users: [bob, carol], documents: [o.pdf], facts: ["Tomas"]}
          - {id: c, question: "can I bring my dog?", user: bob}
        """);
    return file;
  }

  private int run(StringWriter out, String... args) {
    CommandLine command = new CommandLine(new BenchAskCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(out));
    return command.execute(args);
  }

  @Test
  void anABAsksEveryDistinctQuestionOfEveryPassOfBothServers() throws Exception {
    List<String> a = Collections.synchronizedList(new ArrayList<>());
    List<String> b = Collections.synchronizedList(new ArrayList<>());
    StringWriter out = new StringWriter();
    int exit = run(out, "--url", server(200, a).toString(), "--url", server(200, b).toString(),
        "--questions", questions().toString(), "--passes", "2");
    assertThat(exit).as(out.toString()).isZero();
    // 3 distinct questions: one warm-up pass and two measured passes on each server.
    assertThat(a).hasSize(9).isEqualTo(b);
    assertThat(a).contains("{\"question\":\"who is the \\\"CFO\\\"?\"}");
    assertThat(out.toString()).contains("3 questions as alice, 2 measured pass(es)")
        .contains("A http://127.0.0.1:").contains("6 answered, 0 failed").contains("B / A: p50");
  }

  @Test
  void aServerThatDoesNotAnswerStopsTheRunAtWarmUp() throws Exception {
    List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    StringWriter out = new StringWriter();
    int exit = run(out, "--url", server(503, bodies).toString(), "--questions",
        questions().toString());
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("warm-up ask to").contains("answered 503");
    assertThat(bodies).hasSize(1);
  }

  @Test
  void onlyLoopbackServersAndAtMostTwo() throws Exception {
    StringWriter out = new StringWriter();
    assertThat(run(out, "--url", "http://192.0.2.10:8080", "--questions", questions().toString()))
        .isEqualTo(2);
    assertThat(out.toString()).contains("192.0.2.10 is not a loopback address");
    StringWriter three = new StringWriter();
    assertThat(run(three, "--url", "http://127.0.0.1:1", "--url", "http://127.0.0.1:2", "--url",
        "http://127.0.0.1:3", "--questions", questions().toString())).isEqualTo(2);
    assertThat(three.toString()).contains("--url at most twice");
  }
}
