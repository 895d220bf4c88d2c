package io.groundwork.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.answer.Answer;
import io.groundwork.answer.AnswerRequest;
import io.groundwork.answer.Answerer;
import io.groundwork.answer.Citation;
import io.groundwork.ingest.Chunker;
import io.groundwork.retrieve.RetrievedChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence grounding of an {@link Answerer} against SciFact-style rationales: for each claim with
 * evidence, the answerer reads the chunks of the abstracts relevant to the claim (in the order
 * the rationales list them) and cites sentences; a cited span counts for every gold sentence of
 * the corpus's {@code sentences} array it overlaps. Precision is the share of cited sentences
 * that are gold rationale sentences, recall the share of gold rationale sentences cited, both
 * micro-averaged over claims. Stateless.
 */
public final class GroundingEvaluation {
  private GroundingEvaluation() {}

  /** Totals over the claims evaluated. */
  public record Figures(int claims, int refusals, int cited, int citedGold, int gold) {
    public double precision() {
      return cited == 0 ? 0 : (double) citedGold / cited;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) citedGold / gold;
    }
  }

  private record Sentence(String document, int index) {}

  /**
   * Runs the answerer over the first {@code limit} claims of {@code rationalesFile} that have
   * evidence.
   */
  public static Figures run(Path corpusFile, Path rationalesFile, Chunker chunker,
      Answerer answerer, int limit) {
    ObjectMapper json = new ObjectMapper();
    Map<String, BeirDataset.CorpusDocument> documents = new HashMap<>();
    Map<String, int[][]> sentenceSpans = new HashMap<>();
    TextLines.forEach(corpusFile, corpusFile.toString(), (line, number) -> {
      JsonNode node = json.readTree(line);
      String id = node.get("_id").asText();
      String text = node.path("text").asText("");
      documents.put(id, new BeirDataset.CorpusDocument(id, node.path("title").asText(""), text));
      JsonNode sentences = node.path("sentences");
      int[][] spans = new int[sentences.size()][];
      int cursor = 0;
      for (int i = 0; i < sentences.size(); i++) {
        String sentence = sentences.get(i).asText().strip();
        int at = sentence.isEmpty() ? -1 : text.indexOf(sentence, cursor);
        spans[i] = at < 0 ? new int[] {cursor, cursor} : new int[] {at, at + sentence.length()};
        cursor = at < 0 ? cursor : at + sentence.length();
      }
      sentenceSpans.put(id, spans);
    });
    int[] totals = new int[5];
    TextLines.forEach(rationalesFile, rationalesFile.toString(), (line, number) -> {
      if (totals[0] >= limit) {
        return;
      }
      JsonNode node = json.readTree(line);
      JsonNode evidence = node.path("evidence");
      if (evidence.isEmpty()) {
        return;
      }
      Set<Sentence> gold = new HashSet<>();
      List<String> relevant = new ArrayList<>();
      for (JsonNode item : evidence) {
        String doc = item.get("doc").asText();
        if (!documents.containsKey(doc)) {
          throw new IllegalArgumentException(rationalesFile + ": claim " + node.get("_id")
              + " cites document " + doc + ", which is not in the corpus");
        }
        if (!relevant.contains(doc)) {
          relevant.add(doc);
        }
        for (JsonNode index : item.path("sentences")) {
          gold.add(new Sentence(doc, index.asInt()));
        }
      }
      List<RetrievedChunk> chunks = new ArrayList<>();
      for (String doc : relevant) {
        for (EvalIndex.Passage passage : EvalIndex.passagesOf(documents.get(doc), chunker)) {
          chunks.add(new RetrievedChunk(passage.chunk(), 1.0, 0, 0));
        }
      }
      Answer answer = answerer.answer(new AnswerRequest(node.get("claim").asText(), chunks));
      Set<Sentence> cited = new HashSet<>();
      for (Citation citation : answer.citations()) {
        int[][] spans = sentenceSpans.get(citation.documentId());
        for (int i = 0; i < spans.length; i++) {
          if (spans[i][0] < citation.end() && citation.start() < spans[i][1]) {
            cited.add(new Sentence(citation.documentId(), i));
          }
        }
      }
      Set<Sentence> hit = new HashSet<>(cited);
      hit.retainAll(gold);
      totals[0]++;
      totals[1] += answer.refused() ? 1 : 0;
      totals[2] += cited.size();
      totals[3] += hit.size();
      totals[4] += gold.size();
    });
    return new Figures(totals[0], totals[1], totals[2], totals[3], totals[4]);
  }
}
