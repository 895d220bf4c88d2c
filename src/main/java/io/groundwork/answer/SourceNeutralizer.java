package io.groundwork.answer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutralises instruction-like markup in retrieved text before it is shown to a language model:
 * documents are data, and a document that says "ignore previous instructions" (an indirect
 * prompt injection) must not be able to steer the model. It removes
 *
 * <ul>
 *   <li>invisible characters that hide text (zero-width and bidirectional controls);
 *   <li>chat-template role tags ({@code <|im_start|>}, {@code [INST]}, {@code <<SYS>>},
 *       {@code <system>}, ...) and role labels opening a line ({@code system:}, {@code
 *       assistant:}, {@code ### Instruction:});
 *   <li>phrases that address the model ("ignore/disregard the previous instructions", "reveal
 *       the system prompt", "you are now ...", "new instructions:");
 *   <li>anything that looks like the source fences the prompt uses ({@code <<<}, {@code >>>},
 *       "BEGIN/END SOURCE").
 * </ul>
 *
 * Each removal leaves a visible placeholder, so the model (and an auditor) can see that
 * something was taken out. This is defence in depth: the fence with an unguessable boundary
 * and the system prompt are the first line. Immutable and thread-safe.
 */
public final class SourceNeutralizer {
  /** What replaced a removed instruction-like phrase. */
  public static final String REMOVED_INSTRUCTION = "[instruction-like text removed]";
  /** What replaced a removed role tag or role label. */
  public static final String REMOVED_ROLE = "[role tag removed]";
  /** What replaced a fence-like sequence. */
  public static final String REMOVED_FENCE = "[fence-like text removed]";

  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF\\u0000-\\u0008"
          + "\\u000B\\u000C\\u000E-\\u001F\\u007F]");
  private static final List<Pattern> ROLE = List.of(
      Pattern.compile("<\\|[^|<>\\n]{0,40}\\|>"),
      Pattern.compile("\\[/?(?:INST|SYS|SYSTEM)\\]", Pattern.CASE_INSENSITIVE),
      Pattern.compile("<</?SYS>>", Pattern.CASE_INSENSITIVE),
      Pattern.compile("</?(?:system|assistant|user|developer|instructions?|prompt|s)>",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("(?m)^[ \\t]*(?:#{1,6}[ \\t]*)?(?:system|assistant|developer|instruction|"
          + "instructions|response)[ \\t]*:", Pattern.CASE_INSENSITIVE));
  private static final List<Pattern> INSTRUCTION = List.of(
      Pattern.compile("\\b(?:ignore|disregard|forget|override|bypass)\\b[^.\\n]{0,60}?\\b"
          + "(?:instructions?|prompts?|rules|directions|guidelines|guardrails)\\b",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\b(?:reveal|print|show|repeat|output|leak|disclose|display)\\b[^.\\n]{0,40}?"
          + "\\b(?:system prompt|system message|hidden prompt|your prompt|your instructions|"
          + "initial instructions)\\b", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\byou are now\\b", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\bnew (?:instructions?|rules|task)\\s*:", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\b(?:as an ai|as the assistant|dear (?:ai|assistant|model|llm)|"
          + "attention (?:ai|assistant|model|llm))\\b", Pattern.CASE_INSENSITIVE));
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

  /** Neutralises {@code text}; see the class comment. */
  public Result neutralize(String text) {
    int[] removals = {0};
    String out = replace(INVISIBLE, text, "", removals);
    for (Pattern p : FENCE) {
      out = replace(p, out, REMOVED_FENCE, removals);
    }
    for (Pattern p : ROLE) {
      out = replace(p, out, REMOVED_ROLE, removals);
    }
    for (Pattern p : INSTRUCTION) {
      out = replace(p, out, REMOVED_INSTRUCTION, removals);
    }
    return new Result(out, removals[0]);
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
