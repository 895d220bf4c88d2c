package io.groundwork.qa;

import io.groundwork.answer.Answer;
import io.groundwork.retrieve.RetrievedChunk;
import java.util.List;
import java.util.Map;

/** An answer with the id of its audit record, what was retrieved, and the stage latencies. */
public record AskResult(
    Answer answer, long auditId, List<RetrievedChunk> retrieved, Map<String, Double> latenciesMillis) {}
