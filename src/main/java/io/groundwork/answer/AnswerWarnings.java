package io.groundwork.answer;

import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.text.InstructionDetector;
import io.groundwork.text.InstructionDetector.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warnings an answer must carry about its sources, for the person reading it: a cited
 * passage (or the answer itself) that asks for credentials at a link, and a retrieved source
 * that addresses an AI assistant (whose text was kept out of the answer). Empty for an ordinary
 * answer. Stateless and thread-safe.
 */
public final class AnswerWarnings {
  private final InstructionDetector detector = new InstructionDetector();

  /** The warnings for {@code answer}, made from {@code retrieved}; each once, in order. */
  public List<String> of(Answer answer, List<RetrievedChunk> retrieved) {
    Set<String> warnings = new LinkedHashSet<>();
    for (Citation citation : answer.citations()) {
      if (has(citation.quote(), Kind.CREDENTIAL_REQUEST)) {
        warnings.add("Source [" + citation.number() + "] (" + citation.title() + ") asks you to"
            + " enter credentials at a link. Do not enter a password or code on a page you"
            + " do not know to be your company's; ask IT if in doubt.");
      }
    }
    if (!answer.refused() && has(answer.text(), Kind.CREDENTIAL_REQUEST) && warnings.isEmpty()) {
      warnings.add("This answer asks you to enter credentials at a link. Do not enter a password"
          + " or code on a page you do not know to be your company's; ask IT if in doubt.");
    }
    Set<String> addressing = new LinkedHashSet<>();
    for (RetrievedChunk chunk : retrieved) {
      if (has(chunk.chunk().text(), Kind.ASSISTANT_ADDRESS)) {
        addressing.add(chunk.chunk().title());
      }
    }
    for (String title : addressing) {
      warnings.add("The source \"" + title + "\" contains text addressed to an AI assistant"
          + " (an attempt to steer answers); that text was not used.");
    }
    return List.copyOf(new ArrayList<>(warnings));
  }

  private boolean has(String text, Kind kind) {
    return detector.find(text).stream().anyMatch(f -> f.kind() == kind);
  }
}
