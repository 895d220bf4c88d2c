package io.groundwork.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds sentences of a document that are not information but an attempt to steer its reader:
 *
 * <ul>
 *   <li>{@link Kind#CREDENTIAL_REQUEST}: a sentence with a link that asks the reader to enter,
 *       confirm or send a password, user name, PIN or code ("visit http://evil.example/reset and
 *       enter your username and password");
 *   <li>{@link Kind#ASSISTANT_ADDRESS}: a sentence addressed to an AI assistant rather than to
 *       people ("ignore previous instructions", "Assistant:", "reveal the system prompt",
 *       chat-template tags).
 * </ul>
 *
 * Ingestion flags a document that has any; answering never quotes an assistant-addressed
 * sentence, and quotes a credential request only with a visible warning. Documents are data:
 * this decides how their text may be used, never what it means. Stateless and thread-safe.
 */
public final class InstructionDetector {
  /** What a flagged sentence does. */
  public enum Kind {
    CREDENTIAL_REQUEST("credential-request"),
    ASSISTANT_ADDRESS("assistant-address");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The kind as the API names it. */
    public String label() {
      return label;
    }
  }

  /**
   * A flagged sentence.
   *
   * @param kind what it does
   * @param span where it is in the text that was searched
   */
  public record Finding(Kind kind, TextSpan span) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern LINK = Pattern.compile(
      "\\bhttps?://\\S+|\\bwww\\.[\\w-]+\\.\\S+|\\b[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}/\\S*", FLAGS);
  private static final Pattern CREDENTIAL = Pattern.compile(
      "\\b(?:passwords?|passcodes?|pass ?phrases?|user ?names?|user ?ids?|log-?in details|"
          + "credentials?|pin codes?|pin numbers?|your pin|one-time (?:codes?|passwords?)|otp|mfa codes?|2fa codes?|"
          + "verification codes?|security codes?|card numbers?|account numbers?)\\b", FLAGS);
  private static final Pattern REQUEST = Pattern.compile(
      "\\b(?:enter|type|submit|provide|confirm|verify|re-?enter|fill in|input|send|share|give|"
          + "log ?in|sign ?in|validate)\\b", FLAGS);
  private static final List<Pattern> ASSISTANT = List.of(
      Pattern.compile("\\b(?:ignore|disregard|forget|override|bypass)\\b[^.\\n]{0,60}?\\b"
          + "(?:instructions?|prompts?|rules|directions|guidelines|guardrails)\\b", FLAGS),
      Pattern.compile("\\bsystem (?:prompt|message)\\b", FLAGS),
      Pattern.compile("(?m)^[\\s>#*-]*(?:assistant|system|developer)\\s*:", FLAGS),
      Pattern.compile("\\byou are now\\b", FLAGS),
      Pattern.compile("\\bnew (?:instructions?|rules|task)\\s*:", FLAGS),
      Pattern.compile("\\b(?:as an ai|dear (?:ai|assistant|model|llm|chatbot)|attention "
          + "(?:ai|assistant|model|llm))\\b", FLAGS),
      Pattern.compile("\\b(?:ai|assistants?|chatbots?|llms?|language models?) "
          + "(?:must|should|shall|has to|is required to)\\b", FLAGS),
      Pattern.compile("<\\|[^|<>\\n]{0,40}\\|>|\\[/?INST\\]|<</?SYS>>", FLAGS));

  private final SentenceSplitter splitter = new SentenceSplitter(Locale.ROOT);

  /** The flagged sentences of {@code text}, in order; each at most once, by its first kind. */
  public List<Finding> find(String text) {
    List<Finding> findings = new ArrayList<>();
    for (TextSpan sentence : splitter.split(text)) {
      kind(sentence.text()).ifPresent(kind -> findings.add(new Finding(kind, sentence)));
    }
    return findings;
  }

  /** What {@code sentence} does, if it is one to flag. */
  public Optional<Kind> kind(String sentence) {
    for (Pattern pattern : ASSISTANT) {
      if (pattern.matcher(sentence).find()) {
        return Optional.of(Kind.ASSISTANT_ADDRESS);
      }
    }
    if (LINK.matcher(sentence).find() && CREDENTIAL.matcher(sentence).find()
        && REQUEST.matcher(sentence).find()) {
      return Optional.of(Kind.CREDENTIAL_REQUEST);
    }
    return Optional.empty();
  }
}
