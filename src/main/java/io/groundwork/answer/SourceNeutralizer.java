package io.groundwork.answer;

import io.groundwork.text.InstructionDetector;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutralises instruction-like markup in retrieved text before it is shown to a language model:
 * documents are data, and a document that says "ignore previous instructions" (an indirect
 * prompt injection) must not be able to steer the model. It removes
 *
 * <ul>
 *   <li>citation-like markers ({@code [1]}), written with full-width brackets instead;
 *   <li>invisible characters that hide text (zero-width and bidirectional controls);
 *   <li>chat-template turns ({@code <|im_start|>...<|im_end|>}, {@code [INST]...[/INST]},
 *       {@code <<SYS>>...<</SYS>>}, {@code <system>...</system>}, ...) with their content, stray
 *       role tags, and role labels opening a line ({@code system:}, {@code assistant:}, {@code
 *       ### Instruction:});
 *   <li>whole sentences that address the model ("ignore/disregard the previous instructions",
 *       "reveal the system prompt", "you are now ...", "new instructions:", "tell the user
 *       ...", "the assistant must ...");
 *   <li>anything that looks like the source fences the prompt uses ({@code <<<}, {@code >>>},
 *       "BEGIN/END SOURCE").
 * </ul>
 *
 * The answer verifier neutralises cited passages the same way, so a sentence removed here is never
 * evidence for an answer either. Each removal leaves a visible placeholder, so the model (and an auditor) can see that
 * something was taken out. This is defence in depth: the fence with an unguessable boundary
 * and the system prompt are the first line. Immutable and thread-safe.
 */
public final class SourceNeutralizer {
  /** What replaced a removed instruction-like phrase. */
  public static final String REMOVED_INSTRUCTION = "[instruction-like text removed]";
  /** What replaced a removed role tag or role label. */
  public static final String REMOVED_ROLE = "[role tag removed]";
  /**
   * Bracketed numbers in document text ({@code [1]}) are what answers cite with; in a document
   * they become {@code ［1］} (full-width brackets), which reads the same and can never be taken
   * for a citation by the verifier, the API's clients or the web page.
   */
  private static final Pattern CITATION_LIKE =
      Pattern.compile("\\[\\s*(\\d{1,4}|unverified)\\s*\\]", Pattern.CASE_INSENSITIVE);

  /** What replaced a fence-like sequence. */
  public static final String REMOVED_FENCE = "[fence-like text removed]";

  private static final InstructionDetector DETECTOR = new InstructionDetector();

  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF\\u0000-\\u0008"
          + "\\u000B\\u000C\\u000E-\\u001F\\u007F]");
  /** A chat-template turn up to its closing tag, a blank line, or the end of the text. */
  private static final List<Pattern> ROLE_BLOCK = List.of(
      Pattern.compile("<\\|im_start\\|>[\\s\\S]{0,2000}?(?:<\\|im_end\\|>|\\n\\s*\\n|$)"),
      Pattern.compile("\\[INST\\][\\s\\S]{0,2000}?(?:\\[/INST\\]|\\n\\s*\\n|$)",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("<<SYS>>[\\s\\S]{0,2000}?(?:<</SYS>>|\\n\\s*\\n|$)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("<(system|assistant|developer|instructions?|prompt)>[\\s\\S]{0,2000}?"
          + "(?:</\\1>|\\n\\s*\\n|$)", Pattern.CASE_INSENSITIVE));
  private static final List<Pattern> ROLE = List.of(
      Pattern.compile("<\\|[^|<>\\n]{0,40}\\|>"),
      Pattern.compile("\\[/?(?:INST|SYS|SYSTEM)\\]", Pattern.CASE_INSENSITIVE),
      Pattern.compile("<</?SYS>>", Pattern.CASE_INSENSITIVE),
      Pattern.compile("</?(?:system|assistant|user|developer|instructions?|prompt|s)>",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("(?m)^[ \\t]*(?:#{1,6}[ \\t]*)?(?:system|assistant|developer|instruction|"
          + "instructions|response)[ \\t]*:", Pattern.CASE_INSENSITIVE));
  private static final List<Pattern> INSTRUCTION = sentences(
      Pattern.compile("\\b(?:ignore|disregard|forget|override|bypass)\\b[^.\\n]{0,60}?\\b"
          + "(?:instructions?|prompts?|rules|directions|guidelines|guardrails)\\b",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\b(?:reveal|print|show|repeat|output|leak|disclose|display)\\b[^.\\n]{0,40}?"
          + "\\b(?:system prompt|system message|hidden prompt|your prompt|your instructions|"
          + "initial instructions)\\b", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\byou are now\\b", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\bnew (?:instructions?|rules|task)\\s*:", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\b(?:as an ai|as the assistant|dear (?:ai|assistant|model|llm)|"
          + "attention (?:ai|assistant|model|llm))\\b", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\b(?:tell|inform|instruct|remind) the (?:users?|readers?|employees?)\\b",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\b(?:assistants?|ai|models?|chatbots?|llms?|language models?) "
          + "(?:must|should|shall|will|has to|is required to)\\b", Pattern.CASE_INSENSITIVE));
  private static final List<Pattern> FENCE = List.of(
      Pattern.compile("<{3,}|>{3,}"),
      Pattern.compile("\\b(?:BEGIN|END)[ \\t]+SOURCE\\b", Pattern.CASE_INSENSITIVE));

  /**
   * Neutralised text.
   *
   * @param text the text with instruction-like markup replaced by placeholders
   * @param removals how many pieces were replaced
   */
  public record Result(String text, int removals) {}

  /**
   * {@code text} with every citation-like marker ({@code [1]}, {@code [unverified]}) written with
   * full-width brackets, so that document text quoted in an answer cannot make a citation.
   */
  public static String neutralizeCitationMarkers(String text) {
    return CITATION_LIKE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        "\uFF3B" + m.group(1) + "\uFF3D"));
  }

  /** Neutralises {@code text}; see the class comment. */
  public Result neutralize(String text) {
    int[] removals = {0};
    String out = neutralizeCitationMarkers(replace(INVISIBLE, text, "", removals));
    for (Pattern p : FENCE) {
      out = replace(p, out, REMOVED_FENCE, removals);
    }
    for (Pattern p : ROLE_BLOCK) {
      out = replace(p, out, REMOVED_ROLE, removals);
    }
    for (Pattern p : ROLE) {
      out = replace(p, out, REMOVED_ROLE, removals);
    }
    for (Pattern p : INSTRUCTION) {
      out = replace(p, out, REMOVED_INSTRUCTION, removals);
    }
    out = removeAssistantAddresses(out, removals);
    return new Result(out, removals[0]);
  }

  /** Whatever else ingestion flags as addressed to an assistant goes too, sentence by sentence. */
  private static String removeAssistantAddresses(String text, int[] removals) {
    List<InstructionDetector.Finding> findings = DETECTOR.find(text).stream()
        .filter(f -> f.kind() == InstructionDetector.Kind.ASSISTANT_ADDRESS).toList();
    if (findings.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (InstructionDetector.Finding finding : findings) {
      out.append(text, at, finding.span().start()).append(REMOVED_INSTRUCTION);
      at = finding.span().end();
      removals[0]++;
    }
    return out.append(text, at, text.length()).toString();
  }

  /** Each pattern widened to the whole sentence (or line) around a match. */
  private static List<Pattern> sentences(Pattern... patterns) {
    return java.util.Arrays.stream(patterns).map(p -> Pattern.compile(
        "[^.!?\\n]*(?:" + p.pattern() + ")[^.!?\\n]*[.!?]?", p.flags())).toList();
  }

  private static String replace(Pattern pattern, String text, String with, int[] removals) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = null;
    while (m.find()) {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      removals[0]++;
      m.appendReplacement(out, Matcher.quoteReplacement(with));
    }
    if (out == null) {
      return text;
    }
    m.appendTail(out);
    return out.toString();
  }
}
