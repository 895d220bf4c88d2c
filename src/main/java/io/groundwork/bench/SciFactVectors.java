package io.groundwork.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.groundwork.embed.Embedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The benchmark's real vectors: every sentence of a BEIR-layout SciFact {@code corpus.jsonl}
 * embedded on its own as a passage (id {@code <doc>#<sentence>}), and every claim of
 * {@code queries.jsonl} embedded as a query. Each set is cached in a {@link VectorSet} file and
 * embedded only when that file is missing.
 */
public final class SciFactVectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SciFactVectors() {}

  /** The sentences' vectors, from {@code cache} or embedded now (then cached). */
  public static VectorSet sentences(Embedder embedder, Path dataset, Path cache,
      IntConsumer progress) {
    if (Files.exists(cache)) {
      return VectorSet.read(cache);
    }
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (JsonNode doc : lines(dataset.resolve("corpus.jsonl"))) {
      JsonNode sentences = doc.get("sentences");
      for (int i = 0; i < sentences.size(); i++) {
        String sentence = sentences.get(i).asText().strip();
        if (!sentence.isEmpty()) {
          ids.add(doc.get("_id").asText() + "#" + i);
          texts.add(sentence);
        }
      }
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    int batch = 256;
    for (int from = 0; from < texts.size(); from += batch) {
      vectors.addAll(embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + batch))));
      progress.accept(vectors.size());
    }
    VectorSet set = new VectorSet(ids, vectors);
    set.write(cache);
    return set;
  }

  /** The claims' query vectors, from {@code cache} or embedded now (then cached). */
  public static VectorSet queries(Embedder embedder, Path dataset, Path cache) {
    if (Files.exists(cache)) {
      return VectorSet.read(cache);
    }
    List<String> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (JsonNode query : lines(dataset.resolve("queries.jsonl"))) {
      ids.add(query.get("_id").asText());
      vectors.add(embedder.embedQuery(query.get("text").asText()));
    }
    VectorSet set = new VectorSet(ids, vectors);
    set.write(cache);
    return set;
  }

  private static List<JsonNode> lines(Path file) {
    List<JsonNode> nodes = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return nodes;
  }
}
