package io.groundwork.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.groundwork.pii.PiiPseudonyms;
import io.groundwork.pii.PiiRedactor;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Answers with a language model (any LangChain4j {@link ChatModel} / {@link StreamingChatModel})
 * from the retrieved chunks, packed, numbered and fenced by a {@link ContextPacker}.
 *
 * <p>Degrades, never fails: when the model cannot be reached, does not finish within the timeout,
 * replies with something unparseable, an empty text, or a text citing no source at all, the
 * answer comes from the fallback answerer (the extractive one), carrying the reason ({@link
 * Answer#fallbackReason()}) and a notice for the user. A reply that is the refusal text is a
 * refusal. The reply is not verified here: {@code io.groundwork.verify.AnswerVerifier} checks
 * every answer, whatever produced it.
 *
 * <p>With a masking redactor, personal data in everything sent to the model becomes numbered
 * placeholders ({@link PiiPseudonyms}), restored in the reply, streamed tokens included, before
 * anyone sees or verifies it; the answer counts what was masked ({@link Answer#llmPiiMasked()}).
 * Thread-safe; {@link #close()} stops its threads.
 */
public final class LlmAnswerer implements Answerer, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LlmAnswerer.class);
  private static final Pattern CITATION = Pattern.compile("\\[\\d+(?:\\s*,\\s*\\d+)*\\]");

  private final String name;
  private final ChatModel chatModel;
  private final StreamingChatModel streamingModel;
  private final ContextPacker packer;
  private final PromptLibrary prompts;
  private final Answerer fallback;
  private final Duration timeout;
  private final PiiRedactor masking;
  private final ExecutorService calls;

  /**
   * @param name answerer name recorded in audit records, e.g. {@code "ollama:llama3.1:8b"}
   * @param chatModel answers when the caller does not stream
   * @param streamingModel answers when the caller listens to tokens
   * @param packer builds the prompt
   * @param prompts the refusal text
   * @param fallback answers when the model fails
   * @param timeout the longest one answer may take
   */
  public LlmAnswerer(String name, ChatModel chatModel, StreamingChatModel streamingModel,
      ContextPacker packer, PromptLibrary prompts, Answerer fallback, Duration timeout) {
    this(name, chatModel, streamingModel, packer, prompts, fallback, timeout, PiiRedactor.none());
  }

  /**
   * An answerer that masks what {@code masking} finds in everything it sends to the model.
   *
   * @param masking the detectors of personal data to mask ({@link PiiRedactor#none()}: none)
   */
  public LlmAnswerer(String name, ChatModel chatModel, StreamingChatModel streamingModel,
      ContextPacker packer, PromptLibrary prompts, Answerer fallback, Duration timeout,
      PiiRedactor masking) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (chatModel == null || streamingModel == null || packer == null || prompts == null
        || fallback == null) {
      throw new IllegalArgumentException(
          "chatModel, streamingModel, packer, prompts and fallback must not be null");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (masking == null) {
      throw new IllegalArgumentException("masking must not be null (PiiRedactor.none() for none)");
    }
    this.masking = masking;
    this.name = name;
    this.chatModel = chatModel;
    this.streamingModel = streamingModel;
    this.packer = packer;
    this.prompts = prompts;
    this.fallback = fallback;
    this.timeout = timeout;
    AtomicInteger threads = new AtomicInteger();
    this.calls = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "groundwork-llm-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public String name() {
    return name;
  }

  @Override
  public Answer answer(AnswerRequest request) {
    return answer(request, AnswerListener.NONE);
  }

  @Override
  public Answer answer(AnswerRequest request, AnswerListener listener) {
    if (request.chunks().isEmpty()) {
      return refusal(); // nothing to ground an answer on: no need to ask the model
    }
    PackedContext context = packer.pack(request.question(), request.chunks());
    if (context.citations().isEmpty()) {
      return fallback(request, listener, "context: no source fits the context budget");
    }
    if (context.neutralized() > 0) {
      LOG.infof("neutralised %d instruction-like pieces in the sources for: %s",
          context.neutralized(), request.question());
    }
    PiiPseudonyms pseudonyms = new PiiPseudonyms(masking);
    ChatRequest chat = ChatRequest.builder()
        .messages(List.of(SystemMessage.from(pseudonyms.mask(context.system())),
            UserMessage.from(pseudonyms.mask(context.user()))))
        .build();
    String reply;
    try {
      reply = listener == AnswerListener.NONE ? call(chat)
          : stream(chat, listener, pseudonyms);
    } catch (TimeoutException e) {
      return fallback(request, listener, "timeout: no complete answer within " + timeout)
          .withLlmPiiMasked(pseudonyms.masked());
    } catch (Exception e) {
      return fallback(request, listener, classify(e)).withLlmPiiMasked(pseudonyms.masked());
    }
    if (reply == null || reply.isBlank()) {
      return fallback(request, listener, "unusable reply: empty")
          .withLlmPiiMasked(pseudonyms.masked());
    }
    String text = pseudonyms.restore(reply.strip());
    if (isRefusal(text)) {
      return refusal().withLlmPiiMasked(pseudonyms.masked());
    }
    if (!CITATION.matcher(text).find()) {
      return fallback(request, listener, "unusable reply: it cites no source")
          .withLlmPiiMasked(pseudonyms.masked());
    }
    return new Answer(text, context.citations(), false, name, prompts.version())
        .withLlmPiiMasked(pseudonyms.masked());
  }

  private String call(ChatRequest chat) throws Exception {
    CompletableFuture<String> reply = CompletableFuture.supplyAsync(
        () -> text(chatModel.chat(chat)), calls);
    try {
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      reply.cancel(true);
    }
  }

  private String stream(ChatRequest chat, AnswerListener listener, PiiPseudonyms pseudonyms)
      throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    AtomicBoolean open = new AtomicBoolean(true);
    StringBuilder received = new StringBuilder();
    // Tokens reach the listener restored; a placeholder split across tokens is held back
    // until it is complete.
    PiiPseudonyms.Restoring shown = pseudonyms.restoring(listener::token);
    try {
      streamingModel.chat(chat, new StreamingChatResponseHandler() {
        @Override
        public void onPartialResponse(String token) {
          synchronized (received) {
            if (open.get() && token != null) {
              received.append(token);
              shown.accept(token);
            }
          }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
          String text = text(response);
          synchronized (received) {
            if (open.get()) {
              shown.finish();
            }
            reply.complete(text == null || text.isBlank() ? received.toString() : text);
          }
        }

        @Override
        public void onError(Throwable error) {
          reply.completeExceptionally(error);
        }
      });
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      synchronized (received) {
        open.set(false); // late tokens of a failed or timed-out call are not shown
      }
    }
  }

  private static String text(ChatResponse response) {
    AiMessage message = response == null ? null : response.aiMessage();
    return message == null ? null : message.text();
  }

  private boolean isRefusal(String text) {
    String refusal = normalize(prompts.template("refusal"));
    String reply = normalize(text);
    return reply.equals(refusal) || (reply.startsWith(refusal) && !CITATION.matcher(text).find());
  }

  private static String normalize(String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
  }

  private Answer fallback(AnswerRequest request, AnswerListener listener, String reason) {
    LOG.warnf("%s failed (%s); answering extractively", name, reason);
    String notice = "The language model could not be used (" + reason.split(":")[0]
        + "), so this answer was extracted directly from the sources.";
    listener.notice(notice);
    return fallback.answer(request).asFallback(name + " " + reason, notice);
  }

  private Answer refusal() {
    return new Answer(prompts.template("refusal"), List.of(), true, name, prompts.version());
  }

  /** A short, stable reason for a failed call: kind, then detail. */
  static String classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String type = t.getClass().getName();
      if (t instanceof HttpTimeoutException || t instanceof TimeoutException
          || type.endsWith(".TimeoutException") || type.endsWith("SocketTimeoutException")) {
        return "timeout: " + message(t);
      }
      if (t instanceof ConnectException || type.endsWith("UnresolvedAddressException")
          || type.endsWith("UnknownHostException")) {
        return "unavailable: " + message(t);
      }
      if (type.startsWith("com.fasterxml.jackson.core.") || type.endsWith("JsonParseException")
          || type.endsWith("MismatchedInputException") || type.endsWith("JsonMappingException")) {
        return "malformed reply: " + message(t);
      }
      if (type.equals("dev.langchain4j.exception.HttpException")) {
        return "http error: " + message(t);
      }
    }
    return "error: " + error.getClass().getSimpleName() + ": " + message(error);
  }

  private static String message(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    message = message.replaceAll("\\s+", " ").strip();
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
