package io.groundwork.answer;

import dev.langchain4j.model.TokenCountEstimator;
import io.groundwork.index.IndexedChunk;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.text.SentenceSplitter;
import io.groundwork.text.TextSpan;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Packs retrieved chunks into a prompt for a language model, within its context budget.
 *
 * <p>Sources are numbered {@code [1]..[n]} in retrieval order and fenced: each one sits between
 * {@code <<<SOURCE n BOUNDARY>>>} and {@code <<<END SOURCE n BOUNDARY>>>} lines, where BOUNDARY is
 * 16 random hex digits drawn for every prompt, so a document cannot close its fence and speak
 * as the prompt. Source text is neutralised by {@link SourceNeutralizer} first.
 *
 * <p>Budget: {@code contextTokens - maxAnswerTokens} must hold the system prompt, the filled
 * template and the sources. Tokens are counted with the embedding model's WordPiece tokenizer
 * times {@link #TOKEN_SAFETY_FACTOR}, an estimate that errs on the safe side for the BPE
 * tokenizers of chat models (which split English text into about as many or fewer tokens).
 * Sources are added whole in rank order; the first one that does not fit is cut at a sentence
 * boundary if at least {@link #MIN_TRUNCATED_TOKENS} tokens are left, and packing stops there.
 * Thread-safe.
 */
public final class ContextPacker {
  /** Multiplier on the embedding tokenizer's count, to stay inside the chat model's window. */
  public static final double TOKEN_SAFETY_FACTOR = 1.15;
  /** A source is truncated rather than dropped only if at least this many tokens are left. */
  public static final int MIN_TRUNCATED_TOKENS = 64;
  /** Letters of a fence boundary. */
  private static final int BOUNDARY_LETTERS = 16;

  private final PromptLibrary prompts;
  private final TokenCountEstimator tokenizer;
  private final SourceNeutralizer neutralizer = new SourceNeutralizer();
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final int contextTokens;
  private final int maxAnswerTokens;
  private final int maxSources;
  private final RandomGenerator random;

  public ContextPacker(PromptLibrary prompts, TokenCountEstimator tokenizer, int contextTokens,
      int maxAnswerTokens, int maxSources) {
    this(prompts, tokenizer, contextTokens, maxAnswerTokens, maxSources, new SecureRandom());
  }

  /** With a given source of randomness for the boundary (tests pass a seeded one). */
  public ContextPacker(PromptLibrary prompts, TokenCountEstimator tokenizer, int contextTokens,
      int maxAnswerTokens, int maxSources, RandomGenerator random) {
    if (prompts == null || tokenizer == null || random == null) {
      throw new IllegalArgumentException("prompts, tokenizer and random must not be null");
    }
    if (maxAnswerTokens < 1 || contextTokens <= maxAnswerTokens) {
      throw new IllegalArgumentException("contextTokens (" + contextTokens
          + ") must exceed maxAnswerTokens (" + maxAnswerTokens + "), which must be >= 1");
    }
    if (maxSources < 1) {
      throw new IllegalArgumentException("maxSources must be >= 1, got " + maxSources);
    }
    prompts.template("system");
    prompts.template("answer");
    this.prompts = prompts;
    this.tokenizer = tokenizer;
    this.contextTokens = contextTokens;
    this.maxAnswerTokens = maxAnswerTokens;
    this.maxSources = maxSources;
    this.random = random;
  }

  /** Packs {@code chunks} (best first) for {@code question}. */
  public PackedContext pack(String question, List<RetrievedChunk> chunks) {
    String boundary = boundary();
    String system = prompts.template("system").replace("{{refusal}}", prompts.template("refusal"));
    String template = prompts.template("answer")
        .replace("{{boundary}}", boundary)
        .replace("{{refusal}}", prompts.template("refusal"))
        .replace("{{question}}", question);
    int fixed = tokens(system) + tokens(template.replace("{{sources}}", ""));
    int budget = contextTokens - maxAnswerTokens - fixed;
    if (budget < MIN_TRUNCATED_TOKENS) {
      throw new IllegalArgumentException("the context budget (" + contextTokens + " tokens, "
          + maxAnswerTokens + " for the answer) leaves no room for sources after the prompt ("
          + fixed + " tokens); raise groundwork.llm.context-tokens");
    }
    StringBuilder sources = new StringBuilder();
    List<Citation> citations = new ArrayList<>();
    int neutralized = 0;
    int truncated = 0;
    int considered = Math.min(maxSources, chunks.size());
    for (int i = 0; i < considered; i++) {
      IndexedChunk chunk = chunks.get(i).chunk();
      int number = citations.size() + 1;
      String text = chunk.text();
      SourceNeutralizer.Result block = fenced(number, boundary, chunk, text);
      int cost = tokens(block.text());
      if (cost > budget) {
        int left = budget - tokens(fenced(number, boundary, chunk, "").text());
        if (left < MIN_TRUNCATED_TOKENS) {
          break;
        }
        text = leadingSentences(text, left);
        if (text.isEmpty()) {
          break;
        }
        block = fenced(number, boundary, chunk, text);
        cost = tokens(block.text());
        truncated++;
      }
      budget -= cost;
      neutralized += block.removals();
      sources.append(block.text()).append('\n');
      int end = chunk.start() + text.length();
      citations.add(new Citation(number, chunk.documentId(), chunk.title(), chunk.path(),
          chunk.chunkId(), chunk.start(), end, chunk.page(), text,
          ExtractiveAnswerer.sourceUrl(chunk.documentId(), chunk.start(), end)));
      if (truncated > 0) {
        break;
      }
    }
    String user = template.replace("{{sources}}", sources.toString().strip());
    return new PackedContext(system, user, boundary, citations, tokens(system) + tokens(user),
        neutralized, truncated, chunks.size() - citations.size());
  }

  /**
   * A fresh fence boundary of {@value #BOUNDARY_LETTERS} random lower-case letters (75 bits): no
   * digits, so that masking personal data in the prompt never takes a fence for a card or phone
   * number ("SOURCE 1 16611652240115d2" read as a card number broke the fence).
   */
  private String boundary() {
    StringBuilder boundary = new StringBuilder(BOUNDARY_LETTERS);
    for (int i = 0; i < BOUNDARY_LETTERS; i++) {
      boundary.append((char) ('a' + random.nextInt(26)));
    }
    return boundary.toString();
  }

  private SourceNeutralizer.Result fenced(int number, String boundary, IndexedChunk chunk,
      String text) {
    SourceNeutralizer.Result title = neutralizer.neutralize(chunk.title());
    SourceNeutralizer.Result body = neutralizer.neutralize(text);
    String block = "<<<SOURCE " + number + " " + boundary + ">>>\n"
        + "Title: " + title.text().replace('\n', ' ') + "\n"
        + body.text().strip() + "\n"
        + "<<<END SOURCE " + number + " " + boundary + ">>>\n";
    return new SourceNeutralizer.Result(block, title.removals() + body.removals());
  }

  /** The longest run of whole leading sentences of {@code text} that fits in {@code budget}. */
  private String leadingSentences(String text, int budget) {
    int end = 0;
    for (TextSpan sentence : splitter.split(text)) {
      if (tokens(text.substring(0, sentence.end())) > budget) {
        break;
      }
      end = sentence.end();
    }
    return text.substring(0, end);
  }

  private int tokens(String text) {
    return (int) Math.ceil(tokenizer.estimateTokenCountInText(text) * TOKEN_SAFETY_FACTOR);
  }

  /** Tokens available for the model's answer. */
  public int maxAnswerTokens() {
    return maxAnswerTokens;
  }
}
