package io.groundwork.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset in BEIR's layout: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and a qrels TSV
 * ({@code query-id, corpus-id, score}, an optional header line). Immutable.
 *
 * @param corpus documents in file order
 * @param queries query text by id, in file order
 * @param qrels graded judgements: query id to (corpus id to score)
 */
public record BeirDataset(List<CorpusDocument> corpus, Map<String, String> queries,
    Map<String, Map<String, Integer>> qrels) {

  /** One corpus document. */
  public record CorpusDocument(String id, String title, String text) {}

  public BeirDataset {
    corpus = List.copyOf(corpus);
    queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
    qrels = Collections.unmodifiableMap(new LinkedHashMap<>(qrels));
  }

  /** Loads the three files, failing with the file and line of the first malformed entry. */
  public static BeirDataset load(Path corpusFile, Path queriesFile, Path qrelsFile) {
    return new BeirDataset(readCorpus(corpusFile), readQueries(queriesFile), readQrels(qrelsFile));
  }

  /** The ids of the queries that have at least one judged-relevant (score > 0) document. */
  public List<String> judgedQueries() {
    List<String> ids = new ArrayList<>();
    for (String id : queries.keySet()) {
      Map<String, Integer> judged = qrels.get(id);
      if (judged != null && judged.values().stream().anyMatch(s -> s > 0)) {
        ids.add(id);
      }
    }
    return ids;
  }

  public static List<CorpusDocument> readCorpus(Path file) {
    List<CorpusDocument> documents = new ArrayList<>();
    forEachJsonLine(file, (node, line) -> {
      String id = required(node, "_id", file, line);
      String title = node.path("title").asText("");
      String text = node.path("text").asText("");
      if (title.isBlank() && text.isBlank()) {
        throw new IllegalArgumentException(file + ":" + line + ": document " + id
            + " has neither title nor text");
      }
      documents.add(new CorpusDocument(id, title, text));
    });
    if (documents.isEmpty()) {
      throw new IllegalArgumentException(file + ": the corpus is empty");
    }
    return documents;
  }

  public static Map<String, String> readQueries(Path file) {
    Map<String, String> queries = new LinkedHashMap<>();
    forEachJsonLine(file, (node, line) -> {
      String id = required(node, "_id", file, line);
      queries.put(id, required(node, "text", file, line));
    });
    return queries;
  }

  public static Map<String, Map<String, Integer>> readQrels(Path file) {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    TextLines.forEach(file, "qrels " + file, (row, line) -> {
      String[] cells = row.split("\t");
      if (cells.length < 3) {
        throw new IllegalArgumentException(file + ":" + line
            + ": expected query-id<TAB>corpus-id<TAB>score, got '" + row + "'");
      }
      int score;
      try {
        score = Integer.parseInt(cells[2].strip());
      } catch (NumberFormatException e) {
        if (line == 1) {
          return; // the header line
        }
        throw new IllegalArgumentException(file + ":" + line + ": score '" + cells[2]
            + "' is not an integer");
      }
      qrels.computeIfAbsent(cells[0].strip(), q -> new LinkedHashMap<>())
          .put(cells[1].strip(), score);
    });
    return qrels;
  }

  private interface LineHandler {
    void accept(JsonNode node, int line);
  }

  private static void forEachJsonLine(Path file, LineHandler handler) {
    ObjectMapper json = new ObjectMapper();
    TextLines.forEach(file, file.toString(), (row, line) -> {
      JsonNode node;
      try {
        node = json.readTree(row);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(file + ":" + line + ": not JSON: "
            + e.getOriginalMessage());
      }
      handler.accept(node, line);
    });
  }

  private static String required(JsonNode node, String field, Path file, int line) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new IllegalArgumentException(file + ":" + line + ": missing \"" + field + "\"");
    }
    return value.asText();
  }
}
