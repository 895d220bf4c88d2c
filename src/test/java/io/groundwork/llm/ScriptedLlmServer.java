package io.groundwork.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server (127.0.0.1, free port) that speaks the Ollama chat protocol ({@code POST
 * /api/chat}, one JSON object or NDJSON when {@code "stream": true}) and the OpenAI chat
 * completions protocol ({@code POST /v1/chat/completions}, one JSON object or Server-Sent Events
 * ending with {@code data: [DONE]} when {@code "stream": true}). It replies from a script: a
 * function of the prompt (the user turn) giving the reply text, a malformed body, or a hang
 * until {@link #releaseHangs()}. Every request body is kept for assertions.
 */
public final class ScriptedLlmServer implements AutoCloseable {
  /** What the server does with the next requests. */
  public sealed interface Script {}

  /** Replies with the text the function makes from the user turn of the request. */
  public record Reply(Function<String, String> text) implements Script {}

  /** Replies 200 with a body that is not the protocol's JSON. */
  public record Malformed() implements Script {}

  /** Does not reply until {@link #releaseHangs()} (then closes the exchange). */
  public record Hang() implements Script {}

  private static final Pattern SOURCE =
      Pattern.compile("<<<SOURCE (\\d+) ([a-z]{16})>>>\\n(.*?)\\n<<<END SOURCE \\1 \\2>>>",
          Pattern.DOTALL);

  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<Script> script = new AtomicReference<>(new Malformed());
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch hang = new CountDownLatch(1);

  public ScriptedLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "scripted-llm-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/api/chat", exchange -> handle(exchange, false));
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, true));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String ollamaUrl() {
    return "http://127.0.0.1:" + port();
  }

  public String openAiUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public void script(Script next) {
    script.set(next);
  }

  /** Request bodies received so far, oldest first. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  /** Lets every hanging request finish; later {@link Hang} scripts hang again. */
  public void releaseHangs() {
    CountDownLatch old = hang;
    hang = new CountDownLatch(1);
    old.countDown();
  }

  /** The user turn (last user message) of a request body. */
  public static String userTurn(JsonNode request) {
    String user = "";
    for (JsonNode message : request.path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        user = message.path("content").asText();
      }
    }
    return user;
  }

  /** The system prompt of a request body. */
  public static String systemPrompt(JsonNode request) {
    for (JsonNode message : request.path("messages")) {
      if ("system".equals(message.path("role").asText())) {
        return message.path("content").asText();
      }
    }
    return "";
  }

  /** The fenced sources of a user turn, by number (1-based index 0 = source 1). */
  public static List<String> sources(String userTurn) {
    List<String> sources = new ArrayList<>();
    Matcher m = SOURCE.matcher(userTurn);
    while (m.find()) {
      sources.add(m.group(3));
    }
    return sources;
  }

  /** The number of the first source containing {@code text}; fails when none does. */
  public static int sourceContaining(String userTurn, String text) {
    List<String> sources = sources(userTurn);
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no source contains '" + text + "' in:\n" + userTurn);
  }

  private void handle(HttpExchange exchange, boolean openAi) throws IOException {
    try (exchange) {
      JsonNode request = json.readTree(exchange.getRequestBody());
      requests.add(request);
      boolean stream = request.path("stream").asBoolean(false);
      Script current = script.get();
      switch (current) {
        case Hang h -> {
          try {
            hang.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        case Malformed m -> {
          byte[] body = (stream ? (openAi ? "data: {\"choices\": [{\"delta\": \n\n" : "{\"message\": {\"content\"\n")
              : "<html>502 Bad Gateway</html>{\"choices\":").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type",
              stream && openAi ? "text/event-stream" : "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        }
        case Reply r -> {
          String text = r.text().apply(userTurn(request));
          String model = request.path("model").asText();
          if (openAi) {
            openAiReply(exchange, model, text, stream);
          } else {
            ollamaReply(exchange, model, text, stream);
          }
        }
      }
    }
  }

  /**
   * Splits a reply into the pieces a model would stream: words with their spaces, and a word
   * holding a placeholder such as {@code [EMAIL-1]} split inside it ({@code [EMA}, {@code IL-1]}),
   * as a tokenizer may.
   */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = Pattern.compile("\\S+\\s*|\\s+").matcher(text);
    while (m.find()) {
      String word = m.group();
      int open = word.indexOf('[');
      if (open >= 0 && open + 4 < word.length() && Character.isUpperCase(word.charAt(open + 1))) {
        tokens.add(word.substring(0, open + 4));
        tokens.add(word.substring(open + 4));
      } else {
        tokens.add(word);
      }
    }
    return tokens;
  }

  private void ollamaReply(HttpExchange exchange, String model, String text, boolean stream)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type",
        stream ? "application/x-ndjson" : "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    String created = "2026-01-01T00:00:00Z";
    if (stream) {
      for (String token : tokens(text)) {
        out.write((json.writeValueAsString(java.util.Map.of("model", model, "created_at", created,
            "message", java.util.Map.of("role", "assistant", "content", token), "done", false))
            + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      out.write((json.writeValueAsString(java.util.Map.of("model", model, "created_at", created,
          "message", java.util.Map.of("role", "assistant", "content", ""), "done", true,
          "done_reason", "stop", "prompt_eval_count", 100, "eval_count", tokens(text).size()))
          + "\n").getBytes(StandardCharsets.UTF_8));
    } else {
      out.write(json.writeValueAsString(java.util.Map.of("model", model, "created_at", created,
          "message", java.util.Map.of("role", "assistant", "content", text), "done", true,
          "done_reason", "stop", "prompt_eval_count", 100, "eval_count", 20))
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private void openAiReply(HttpExchange exchange, String model, String text, boolean stream)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type",
        stream ? "text/event-stream" : "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    if (stream) {
      for (String token : tokens(text)) {
        out.write(("data: " + json.writeValueAsString(java.util.Map.of("id", "chatcmpl-1",
            "object", "chat.completion.chunk", "created", 1767225600, "model", model,
            "choices", List.of(java.util.Map.of("index", 0,
                "delta", java.util.Map.of("content", token))))) + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      out.write(("data: " + json.writeValueAsString(java.util.Map.of("id", "chatcmpl-1",
          "object", "chat.completion.chunk", "created", 1767225600, "model", model,
          "choices", List.of(java.util.Map.of("index", 0, "delta", java.util.Map.of(),
              "finish_reason", "stop")))) + "\n\ndata: [DONE]\n\n")
          .getBytes(StandardCharsets.UTF_8));
    } else {
      out.write(json.writeValueAsString(java.util.Map.of("id", "chatcmpl-1",
          "object", "chat.completion", "created", 1767225600, "model", model,
          "choices", List.of(java.util.Map.of("index", 0, "finish_reason", "stop",
              "message", java.util.Map.of("role", "assistant", "content", text))),
          "usage", java.util.Map.of("prompt_tokens", 100, "completion_tokens", 20,
              "total_tokens", 120))).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    releaseHangs();
    server.stop(0);
    executor.shutdownNow();
  }
}
