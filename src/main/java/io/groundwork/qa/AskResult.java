package io.groundwork.qa;

import io.groundwork.answer.Answer;
import io.groundwork.retrieve.RetrievedChunk;
import io.groundwork.verify.Verification;
import java.util.List;
import java.util.Map;

/**
 * An answer with the id of its audit record, what was retrieved, the stage latencies and the
 * answer's verification.
 *
 * @param answer the verified answer, as the user gets it
 * @param auditId id of the audit record, stored before this result exists
 * @param retrieved the retrieved chunks, best first
 * @param latenciesMillis duration of each stage
 * @param verification per-sentence citations and support scores
 * @param warnings what the reader must know about the sources (a cited passage asks for
 *     credentials at a link, a source addresses an AI assistant); empty when nothing
 */
public record AskResult(
    Answer answer, long auditId, List<RetrievedChunk> retrieved, Map<String, Double> latenciesMillis,
    Verification verification, List<String> warnings) {
  public AskResult {
    warnings = List.copyOf(warnings);
  }
}
