package io.groundwork.qa;

import io.groundwork.answer.Answer;
import io.groundwork.answer.AnswerWarnings;
import io.groundwork.answer.AnswerListener;
import io.groundwork.answer.AnswerRequest;
import io.groundwork.answer.Answerer;
import io.groundwork.audit.AuditEntry;
import io.groundwork.audit.AuditTrail;
import io.groundwork.index.SearchFilter;
import io.groundwork.retrieve.RetrievalConfig;
import io.groundwork.retrieve.RetrievalRequest;
import io.groundwork.retrieve.RetrievalResult;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.retrieve.Retriever;
import io.groundwork.security.Caller;
import io.groundwork.text.QuestionFrame;
import io.groundwork.verify.AnswerVerifier;
import io.groundwork.verify.VerifiedAnswer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Answers questions: retrieval pre-filtered by the caller's groups, answering, verification of
 * every sentence of the answer against its citations, and the audit record, which is committed
 * before the answer is handed back (if it cannot be stored, the caller gets an error, never an
 * unaudited answer). Thread-safe.
 */
@ApplicationScoped
public class QuestionAnswering {
  private final Retriever retriever;
  private final Answerer answerer;
  private final AnswerVerifier verifier;
  private final AuditTrail audit;
  private final RetrievalConfig config;
  private final MeterRegistry meters;

  public QuestionAnswering(Retriever retriever, Answerer answerer, AnswerVerifier verifier,
      AuditTrail audit, RetrievalConfig config, MeterRegistry meters) {
    this.retriever = retriever;
    this.answerer = answerer;
    this.verifier = verifier;
    this.audit = audit;
    this.config = config;
    this.meters = meters;
  }

  /**
   * Retrieves chunks without answering (the search API, and the retrieval of every question). The
   * lexical search reads the query without the words that frame a question ({@link
   * QuestionFrame}): "what does CDC mean" would otherwise match every chunk that says "means".
   * The vector search reads the whole query.
   */
  public RetrievalResult search(Caller caller, String query, Integer topK, Set<String> sources,
      Set<String> documentIds) {
    RetrievalRequest request = new RetrievalRequest(query, topK == null ? config.topK() : topK,
        new SearchFilter(caller.groups(), sources, documentIds), null,
        QuestionFrame.keywords(query));
    long start = System.nanoTime();
    RetrievalResult result = retriever.retrieve(request);
    timer("retrieve").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    timer("embed_query").record(result.embedMicros(), TimeUnit.MICROSECONDS);
    timer("search").record(result.searchMicros(), TimeUnit.MICROSECONDS);
    return result;
  }

  private static final AnswerWarnings WARNINGS = new AnswerWarnings();

  /** Answers {@code request} for {@code caller} and stores the audit record. */
  public AskResult ask(Caller caller, AskRequest request) {
    return ask(caller, request, AnswerListener.NONE);
  }

  /** Checks a question before any work is done; throws IllegalArgumentException if invalid. */
  public static void validate(AskRequest request) {
    if (request.question() == null || request.question().isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
    if (request.question().length() > 2000) {
      throw new IllegalArgumentException("question must be at most 2000 characters");
    }
  }

  /**
   * Answers {@code request} for {@code caller}, telling {@code listener} about the answer text as
   * it is generated (unverified), then verifies the answer and stores the audit record.
   */
  public AskResult ask(Caller caller, AskRequest request, AnswerListener listener) {
    return ask(caller, request, listener, Map.of());
  }

  /**
   * {@link #ask(Caller, AskRequest, AnswerListener)} after a language model already saw the
   * question in another form (condensing a follow-up), masked as {@code maskedBefore} counts; the
   * audit record counts both.
   */
  public AskResult ask(Caller caller, AskRequest request, AnswerListener listener,
      Map<String, Integer> maskedBefore) {
    validate(request);
    long t0 = System.nanoTime();
    // A follow-up is searched and answered as its standalone form; the audit keeps both.
    RetrievalResult retrieved = search(caller, request.searchQuery(), request.topK(),
        request.sources(), request.documentIds());
    long t1 = System.nanoTime();
    Answer generated = answerer.answer(
        new AnswerRequest(request.searchQuery(), retrieved.chunks()), listener);
    long t2 = System.nanoTime();
    timer("answer").record(t2 - t1, TimeUnit.NANOSECONDS);
    VerifiedAnswer verified = verifier.verify(generated);
    Answer answer = verified.answer();
    if (!maskedBefore.isEmpty()) {
      Map<String, Integer> masked = new java.util.TreeMap<>(answer.llmPiiMasked());
      maskedBefore.forEach((kind, n) -> masked.merge(kind, n, Integer::sum));
      answer = answer.withLlmPiiMasked(masked);
    }
    long t2v = System.nanoTime();
    timer("verify").record(t2v - t2, TimeUnit.NANOSECONDS);

    Map<String, Double> latencies = new LinkedHashMap<>();
    latencies.put("embedQuery", retrieved.embedMicros() / 1000.0);
    latencies.put("search", retrieved.searchMicros() / 1000.0);
    latencies.put("retrieve", millis(t1 - t0));
    latencies.put("answer", millis(t2 - t1));
    latencies.put("verify", millis(t2v - t2));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("topK", request.topK() == null ? config.topK() : request.topK());
    parameters.put("sources", request.sources().stream().sorted().toList());
    parameters.put("documentIds", request.documentIds().stream().sorted().toList());
    if (request.conversationId() != null) {
      parameters.put("conversationId", request.conversationId());
    }
    if (!request.searchQuery().equals(request.question())) {
      parameters.put("searchQuery", request.searchQuery());
    }
    List<AuditEntry.RetrievedRef> refs = retrieved.chunks().stream().map(QuestionAnswering::ref)
        .toList();
    latencies.put("totalBeforeAudit", millis(System.nanoTime() - t0));
    long auditId = audit.append(
        new AuditEntry(caller, request.question(), parameters, refs, answer, latencies,
            verified.verification()));
    long t3 = System.nanoTime();
    timer("ask").record(t3 - t0, TimeUnit.NANOSECONDS);
    Map<String, Double> reported = new LinkedHashMap<>(latencies);
    reported.put("audit", millis(t3 - t2v));
    reported.put("total", millis(t3 - t0));
    return new AskResult(answer, auditId, retrieved.chunks(), reported, verified.verification(),
        WARNINGS.of(answer, retrieved.chunks()));
  }

  private static AuditEntry.RetrievedRef ref(RetrievedChunk chunk) {
    return new AuditEntry.RetrievedRef(chunk.chunk().chunkId(), chunk.chunk().documentId(),
        chunk.chunk().path(), chunk.score(), chunk.textRank(), chunk.vectorRank());
  }

  /**
   * The latency of one stage, published as a Prometheus histogram
   * ({@code groundwork_stage_latency_seconds_bucket{stage=...}}): retrieve (embed_query + search),
   * answer, and ask (everything, audit included).
   */
  private Timer timer(String stage) {
    return Timer.builder("groundwork.stage.latency").tag("stage", stage)
        .description("Latency of a question-answering stage")
        .publishPercentileHistogram().register(meters);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
