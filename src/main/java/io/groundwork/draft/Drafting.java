package io.groundwork.draft;

import io.groundwork.answer.Answer;
import io.groundwork.answer.AnswerRequest;
import io.groundwork.answer.Answerer;
import io.groundwork.answer.Citation;
import io.groundwork.audit.AuditTrail;
import io.groundwork.embed.Embedder;
import io.groundwork.index.SearchFilter;
import io.groundwork.retrieve.RetrievalRequest;
import io.groundwork.retrieve.RetrievalResult;
import io.groundwork.retrieve.Retriever;
import io.groundwork.security.Caller;
import io.groundwork.text.TermAnalyzer;
import io.groundwork.verify.AnswerVerifier;
import io.groundwork.verify.VerifiedAnswer;
import io.groundwork.verify.VerifiedSentence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Drafts a reply to a customer ticket; an orchestrator that only composes. The
 * {@link AskIdentifier} finds the asks; their queries are embedded in one batch; each is
 * answered like a question ({@link Retriever} with the agent's access groups and the
 * {@link CustomerSafeScope} as the filter inside the search, the drafting {@link Answerer}, the
 * {@link AnswerVerifier}); an ask whose answer is a refusal is listed as not covered and gets no
 * text; the reply is assembled from the {@link ReplyTemplates} and the verified sentences, with
 * the citations numbered across the draft. The draft's audit record ({@code draft.created}) is
 * committed, then the draft is stored, before it is returned. Thread-safe.
 */
@ApplicationScoped
public class Drafting {
  /** The audit action of a new draft. */
  public static final String CREATED = "draft.created";

  /** A list item's marker, which a sentence taken from a list keeps ("• Team tier: ..."). */
  private static final java.util.regex.Pattern LIST_MARKER =
      java.util.regex.Pattern.compile("^\\s*(?:[-*\u2022\u00b7]|\\d+[.)])\\s+");

  private final AskIdentifier identifier;
  private final CustomerSafeScope scope;
  private final Embedder embedder;
  private final Retriever retriever;
  private final Answerer answerer;
  private final AnswerVerifier verifier;
  private final ReplyTemplates templates;
  private final DraftRepository drafts;
  private final AuditTrail audit;
  private final DraftingConfig config;
  private final TermAnalyzer terms = new TermAnalyzer();
  private final java.util.regex.Pattern staffOnly;

  public Drafting(CustomerSafeScope scope, @ForDrafting Embedder embedder, Retriever retriever,
      @ForDrafting Answerer answerer, AnswerVerifier verifier,
      io.groundwork.answer.PromptLibrary prompts, DraftRepository drafts, AuditTrail audit,
      DraftingConfig config) {
    this.identifier = new DefaultAskIdentifier();
    this.scope = scope;
    this.embedder = embedder;
    this.retriever = retriever;
    this.answerer = answerer;
    this.verifier = verifier;
    this.templates = new ReplyTemplates(prompts);
    this.drafts = drafts;
    this.audit = audit;
    this.config = config;
    this.staffOnly = java.util.regex.Pattern.compile(config.staffOnlyPhrases().stream()
        .map(String::strip).filter(p -> !p.isEmpty()).map(java.util.regex.Pattern::quote)
        .collect(Collectors.joining("|", "(?i)\\b(?:", ")\\b")));
  }

  /** The answer to one ask, before the citations are numbered across the draft. */
  private record Answered(Ask ask, VerifiedAnswer verified, List<String> retrieved,
      String reason) {}

  /**
   * A reply composed but not stored.
   *
   * @param asks the asks identified, in order (their topics count content gaps)
   * @param content the sentences, asks, citations and how they were made
   * @param text the reply's text
   */
  public record Composed(List<Ask> asks, DraftContent content, String text) {}

  /**
   * Drafts a reply to {@code ticket} for {@code agent}, stores it and its audit record.
   *
   * @throws IllegalArgumentException when the ticket is too long
   */
  public Draft draft(Caller agent, Ticket ticket) {
    Composed composed = compose(agent, ticket);
    return store(agent, ticket, composed.asks(), composed.content(), composed.text());
  }

  /**
   * Composes a reply to {@code ticket} as {@code agent} would get it, without storing or auditing
   * it (evaluation and benchmarks).
   *
   * @throws IllegalArgumentException when the ticket is too long
   */
  public Composed compose(Caller agent, Ticket ticket) {
    if (ticket.body().length() > config.maxTicketLength()) {
      throw new IllegalArgumentException("body must be at most " + config.maxTicketLength()
          + " characters, got " + ticket.body().length());
    }
    long t0 = System.nanoTime();
    List<Ask> asks = identifier.identify(ticket);
    Set<String> customerSafe = scope.documentIds();
    List<Ask> answerable = asks.subList(0, Math.min(asks.size(), config.maxAsks()));
    long t1 = System.nanoTime();
    // One batch for every ask's query instead of one model call each.
    List<float[]> vectors = answerable.isEmpty() || customerSafe.isEmpty() ? List.of()
        : embedder.embedQueries(answerable.stream().map(Ask::query).toList());
    long t2 = System.nanoTime();
    List<Answered> answers = new ArrayList<>();
    for (int i = 0; i < asks.size(); i++) {
      Ask ask = asks.get(i);
      if (i >= answerable.size()) {
        answers.add(new Answered(ask, null, List.of(), "more than " + config.maxAsks()
            + " asks in one ticket: answer this one yourself"));
      } else if (customerSafe.isEmpty()) {
        answers.add(new Answered(ask, null, List.of(),
            "no customer-safe documents are indexed (see customer-safe in the pipeline file)"));
      } else {
        answers.add(answer(agent, ask, vectors.get(i), customerSafe));
      }
    }
    long t3 = System.nanoTime();
    DraftContent content = assemble(ticket, agent, answers, t0, t1, t2, t3);
    return new Composed(asks, content, text(content.sentences()));
  }

  private Answered answer(Caller agent, Ask ask, float[] vector, Set<String> customerSafe) {
    RetrievalResult retrieved = retriever.retrieve(new RetrievalRequest(ask.query(),
        config.topK(), new SearchFilter(agent.groups(), Set.of(), customerSafe), vector));
    Answer answer = answerer.answer(new AnswerRequest(ask.query(), retrieved.chunks()));
    VerifiedAnswer verified = verifier.verify(answer);
    List<String> ids = retrieved.chunks().stream().map(c -> c.chunk().chunkId()).toList();
    return new Answered(ask, verified, ids, verified.answer().refused()
        ? "the customer-safe documents do not answer it" : null);
  }

  private DraftContent assemble(Ticket ticket, Caller agent, List<Answered> answers, long t0,
      long t1, long t2, long t3) {
    List<DraftSentence> sentences = new ArrayList<>();
    sentences.add(DraftSentence.template(DraftSentence.GREETING, templates.greeting(ticket)));
    sentences.add(DraftSentence.template(DraftSentence.OPENING, templates.opening()));
    Map<String, Citation> citations = new LinkedHashMap<>();
    List<DraftAsk> asks = new ArrayList<>();
    String answererName = null;
    for (int i = 0; i < answers.size(); i++) {
      Answered answered = answers.get(i);
      if (answered.verified() == null || answered.verified().answer().refused()) {
        asks.add(new DraftAsk(answered.ask().text(), false, List.of(), answered.reason()));
        continue;
      }
      Answer answer = answered.verified().answer();
      answererName = answererName == null ? answer.answerer() : answererName;
      Map<Integer, Citation> byNumber = answer.citations().stream()
          .collect(Collectors.toMap(Citation::number, c -> c));
      Set<Integer> askCitations = new TreeSet<>();
      for (VerifiedSentence verdict : answered.verified().verification().sentences()) {
        boolean kept = verdict.status() == VerifiedSentence.Status.SUPPORTED
            || verdict.status() == VerifiedSentence.Status.FLAGGED;
        if (!kept || staffOnly.matcher(verdict.text()).find()) {
          continue; // removed by verification, or a note for staff, not for the customer
        }
        List<Integer> numbers = new ArrayList<>();
        for (int n : verdict.citations()) {
          Citation cited = byNumber.get(n);
          if (cited != null) {
            numbers.add(number(citations, cited));
          }
        }
        if (numbers.isEmpty()) {
          continue; // every sentence of a draft's answers is cited
        }
        askCitations.addAll(numbers);
        sentences.add(new DraftSentence(
            LIST_MARKER.matcher(verdict.text()).replaceFirst(""), DraftSentence.ANSWER, i, numbers,
            verdict.support(), verdict.status().name().toLowerCase(Locale.ROOT)));
      }
      if (askCitations.isEmpty()) {
        asks.add(new DraftAsk(answered.ask().text(), false, List.of(),
            "the customer-safe documents answer it only in notes for staff"));
        continue;
      }
      asks.add(new DraftAsk(answered.ask().text(), true, List.copyOf(askCitations), null));
    }
    if (asks.stream().anyMatch(a -> !a.covered())) {
      sentences.add(DraftSentence.template(DraftSentence.HOLDING, templates.uncovered()));
    }
    templates.closing(ticket, agent.name()).forEach(line ->
        sentences.add(DraftSentence.template(DraftSentence.CLOSING, line)));
    Map<String, Double> latencies = new LinkedHashMap<>();
    latencies.put("identifyAsks", millis(t1 - t0));
    latencies.put("embedAsks", millis(t2 - t1));
    latencies.put("answerAsks", millis(t3 - t2));
    latencies.put("total", millis(System.nanoTime() - t0));
    Map<String, Integer> masked = new TreeMap<>();
    for (Answered answered : answers) {
      if (answered.verified() != null) {
        answered.verified().answer().llmPiiMasked()
            .forEach((kind, n) -> masked.merge(kind, n, Integer::sum));
      }
    }
    return new DraftContent(sentences, asks, List.copyOf(citations.values()),
        answererName == null ? "none" : answererName, templates.version(),
        answers.stream().map(Answered::retrieved).toList(), latencies, masked);
  }

  /** The draft-wide number of {@code cited}, adding it when no earlier ask cited the passage. */
  private static int number(Map<String, Citation> citations, Citation cited) {
    String key = cited.documentId() + "@" + cited.start() + "-" + cited.end();
    Citation known = citations.get(key);
    if (known != null) {
      return known.number();
    }
    int number = citations.size() + 1;
    citations.put(key, new Citation(number, cited.documentId(), cited.title(), cited.path(),
        cited.chunkId(), cited.start(), cited.end(), cited.page(), cited.quote(), cited.url()));
    return number;
  }

  /**
   * The reply's text: greeting, opening, one paragraph per answered ask (each sentence followed
   * by its citation markers, a flagged one by {@code [unverified]}), the holding line, and the
   * closing lines one under the other.
   */
  static String text(List<DraftSentence> sentences) {
    StringBuilder text = new StringBuilder();
    DraftSentence previous = null;
    for (DraftSentence sentence : sentences) {
      String piece = sentence.text() + (sentence.citations().isEmpty() ? "" : " "
          + sentence.citations().stream().map(n -> "[" + n + "]").collect(Collectors.joining()))
          + ("flagged".equals(sentence.status()) ? " " + AnswerVerifier.UNVERIFIED_MARK : "");
      if (previous != null) {
        boolean sameParagraph = sentence.kind().equals(DraftSentence.ANSWER)
            && previous.kind().equals(DraftSentence.ANSWER) && previous.ask() == sentence.ask();
        boolean closing = sentence.kind().equals(DraftSentence.CLOSING)
            && previous.kind().equals(DraftSentence.CLOSING);
        text.append(sameParagraph ? " " : closing ? "\n" : "\n\n");
      }
      text.append(piece);
      previous = sentence;
    }
    return text.toString();
  }

  private Draft store(Caller agent, Ticket ticket, List<Ask> asks, DraftContent content,
      String text) {
    String id = UUID.randomUUID().toString();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("draftId", id);
    details.put("subject", PersonalData.mask(ticket.subject()));
    details.put("asks", content.asks());
    details.put("retrieved", content.retrieved());
    details.put("text", text);
    details.put("citations", content.citations().stream().map(c -> Map.of(
        "number", c.number(), "documentId", c.documentId(), "path", c.path(),
        "chunkId", c.chunkId(), "start", c.start(), "end", c.end())).toList());
    details.put("answerer", content.answerer());
    details.put("promptVersion", content.promptVersion());
    details.put("latenciesMs", content.latenciesMs());
    if (!content.llmPiiMasked().isEmpty()) {
      details.put("llmPiiMasked", content.llmPiiMasked());
    }
    long auditId = audit.recordAction(agent.name(), CREATED, details);

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    DraftEntity entity = new DraftEntity();
    entity.id = id;
    entity.author = agent.name();
    entity.createdAt = now;
    entity.subject = ticket.subject();
    entity.body = ticket.body();
    entity.customerName = ticket.customerName();
    entity.customerPlan = ticket.customerPlan();
    entity.tone = ticket.tone().name().toLowerCase(Locale.ROOT);
    entity.draftText = text;
    entity.content = drafts.toJson(content);
    entity.status = DraftStatus.DRAFT.value();
    entity.auditId = auditId;
    List<DraftAskEntity> askRows = new ArrayList<>();
    for (int i = 0; i < content.asks().size(); i++) {
      DraftAskEntity row = new DraftAskEntity();
      row.draftId = id;
      row.ordinal = i;
      row.text = truncate(content.asks().get(i).text(), 2000);
      row.topic = truncate(topic(asks.get(i).text()), 2000);
      row.covered = content.asks().get(i).covered();
      row.createdAt = now;
      askRows.add(row);
    }
    drafts.insert(entity, askRows);
    return view(entity, content);
  }

  /** The content terms of an ask, sorted and distinct: asks worded alike share a topic. */
  String topic(String ask) {
    String topic = String.join(" ", new TreeSet<>(terms.terms(ask)));
    return topic.isEmpty() ? ask.strip().toLowerCase(Locale.ROOT) : topic;
  }

  /** The API's view of a stored draft. */
  public Draft view(DraftEntity entity) {
    return view(entity, drafts.content(entity));
  }

  private static Draft view(DraftEntity e, DraftContent content) {
    Draft.Approval approval = e.firstApprover == null ? null
        : new Draft.Approval(e.firstApprover, e.firstApprovedAt, e.approvedBy, e.approvedAt,
            e.finalText, e.approvalAuditId != null ? e.approvalAuditId : e.firstApprovalAuditId);
    return new Draft(e.id, e.author, e.createdAt, e.status,
        new Draft.TicketView(e.subject, e.body, e.customerName, e.customerPlan, e.tone),
        e.draftText, content.sentences(), content.asks(), content.citations(),
        content.answerer(), content.promptVersion(), e.auditId, content.latenciesMs(), approval);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
