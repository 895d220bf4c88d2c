package io.groundwork.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.groundwork.embed.Embedder;
import io.groundwork.index.IndexedChunk;
import io.groundwork.index.LuceneChunkIndex;
import io.groundwork.index.LuceneChunkWriter;
import io.groundwork.index.SearchFilter;
import io.groundwork.ingest.Chunk;
import io.groundwork.ingest.Chunker;
import io.groundwork.core.Hashes;
import io.groundwork.ingest.ParsedDocument;
import io.groundwork.ingest.PassageText;
import io.groundwork.text.TermAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the Lucene index of a BEIR corpus in an evaluation data directory, with the production
 * {@link Chunker}, {@link Embedder} and {@link LuceneChunkIndex}: each corpus document is parsed
 * as a plain-text document whose title is the corpus title, chunked, and every chunk embedded as
 * {@link PassageText} (title, then chunk). Chunks carry the corpus {@code _id} as document id and
 * the single access group {@value #GROUP}.
 *
 * <p>A fingerprint of the corpus file and of every setting that changes the index (model, chunk
 * budget and overlap, analyzer) is stored next to the index; a later run with the same
 * fingerprint reuses the index, any other rebuilds it (reusing cached passage vectors). Not
 * thread-safe; one process per data directory.
 */
public final class EvalIndex {
  /** Access group of every evaluation chunk. */
  public static final String GROUP = "eval";
  /** The filter every evaluation query runs with. */
  public static final SearchFilter FILTER = SearchFilter.groups(Set.of(GROUP));
  /**
   * Changes whenever the way corpus documents become chunks changes (v2: the sentence splitter
   * keeps abbreviations, so chunk boundaries moved; chunks carry doc-value records).
   */
  private static final String FORMAT = "beir-title-text-v2";
  private static final int BLOCK = 256;

  /** How the index came to be. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BuildStats(int documents, int chunks, int embedded, long millis,
      long embedMillis, boolean reused, String builtAt) {
    public double documentsPerSecond() {
      return millis == 0 ? 0 : documents * 1000.0 / millis;
    }

    public double chunksPerSecond() {
      return millis == 0 ? 0 : chunks * 1000.0 / millis;
    }
  }

  private EvalIndex() {}

  /** An opened evaluation index and how it was built; close the index when done. */
  public record Opened(LuceneChunkIndex index, BuildStats stats, String fingerprint) {}

  /**
   * Opens the evaluation index in {@code dataDir}, building it first unless one with the same
   * fingerprint is there.
   */
  public static Opened open(Path dataDir, Path corpusFile, List<BeirDataset.CorpusDocument> corpus,
      Embedder embedder, Chunker chunker, String analyzer, float contextBoost) {
    return open(dataDir, corpusFile, corpus, embedder, chunker, analyzer, contextBoost, true);
  }

  /**
   * Like {@link #open(Path, Path, List, Embedder, Chunker, String, float)}; with
   * {@code withVectors} false the index holds no vectors (enough for BM25 alone, and built
   * without embedding anything).
   */
  public static Opened open(Path dataDir, Path corpusFile, List<BeirDataset.CorpusDocument> corpus,
      Embedder embedder, Chunker chunker, String analyzer, float contextBoost,
      boolean withVectors) {
    Path indexDir = dataDir.resolve("index");
    Path stamp = dataDir.resolve("eval-index.json");
    ObjectMapper json = new ObjectMapper();
    try {
      String corpusHash = sha256(corpusFile);
      String fingerprint = fingerprint(corpusHash, embedder, chunker, analyzer, withVectors);
      // An index with vectors serves BM25 alone just as well.
      String richer = fingerprint(corpusHash, embedder, chunker, analyzer, true);
      Files.createDirectories(dataDir);
      if (Files.exists(stamp) && Files.isDirectory(indexDir)) {
        ObjectNode stored = (ObjectNode) json.readTree(stamp.toFile());
        String found = stored.path("fingerprint").asText();
        if (fingerprint.equals(found) || richer.equals(found)) {
          BuildStats stats = json.treeToValue(stored.get("stats"), BuildStats.class);
          BuildStats reused = new BuildStats(stats.documents(), stats.chunks(), stats.embedded(),
              stats.millis(), stats.embedMillis(), true, stats.builtAt());
          return new Opened(new LuceneChunkIndex(indexDir, TermAnalyzer.named(analyzer),
              contextBoost), reused, found);
        }
      }
      Files.deleteIfExists(stamp);
      deleteRecursively(indexDir);
      LuceneChunkIndex index = new LuceneChunkIndex(indexDir, TermAnalyzer.named(analyzer),
          contextBoost);
      BuildStats stats = build(index, corpus, embedder, chunker, withVectors
          ? new VectorCache(dataDir.resolve("vectors-" + embedder.spec().id() + ".bin"),
              embedder.dimension()) : null);
      ObjectNode stored = json.createObjectNode();
      stored.put("fingerprint", fingerprint);
      stored.put("corpus", corpusFile.toAbsolutePath().toString());
      stored.put("model", embedder.spec().id());
      stored.put("max-tokens", chunker.maxTokens());
      stored.put("overlap-tokens", chunker.overlapTokens());
      stored.put("analyzer", analyzer);
      stored.put("vectors", withVectors);
      stored.set("stats", json.valueToTree(stats));
      json.writerWithDefaultPrettyPrinter().writeValue(stamp.toFile(), stored);
      return new Opened(index, stats, fingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare evaluation index in " + dataDir, e);
    }
  }

  private static BuildStats build(LuceneChunkIndex index, List<BeirDataset.CorpusDocument> corpus,
      Embedder embedder, Chunker chunker, VectorCache cache) {
    long started = System.nanoTime();
    long embedNanos = 0;
    int chunkCount = 0;
    int embedded = 0;
    index.openForWriting();
    LuceneChunkWriter writer = index.writer();
    for (int from = 0; from < corpus.size(); from += BLOCK) {
      List<BeirDataset.CorpusDocument> block = corpus.subList(from,
          Math.min(corpus.size(), from + BLOCK));
      List<List<IndexedChunk>> chunksOfDocument = new ArrayList<>();
      List<String> passages = new ArrayList<>();
      for (BeirDataset.CorpusDocument document : block) {
        List<IndexedChunk> indexed = new ArrayList<>();
        for (Passage passage : passagesOf(document, chunker)) {
          indexed.add(passage.chunk());
          passages.add(passage.embeddedText());
        }
        chunksOfDocument.add(indexed);
      }
      List<String> missing = cache == null ? List.of()
          : passages.stream().filter(p -> cache.get(p) == null).distinct().toList();
      if (!missing.isEmpty()) {
        long t0 = System.nanoTime();
        List<float[]> vectors = embedder.embedPassages(missing);
        embedNanos += System.nanoTime() - t0;
        cache.putAll(missing, vectors);
        embedded += missing.size();
      }
      int next = 0;
      for (int d = 0; d < block.size(); d++) {
        List<IndexedChunk> indexed = chunksOfDocument.get(d);
        List<float[]> vectors = new ArrayList<>(indexed.size());
        for (int c = 0; c < indexed.size(); c++) {
          String passage = passages.get(next++);
          vectors.add(cache == null ? null : cache.get(passage));
        }
        writer.replaceDocument(block.get(d).id(), indexed, vectors);
        chunkCount += indexed.size();
      }
    }
    writer.commit();
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new BuildStats(corpus.size(), chunkCount, embedded, millis, embedNanos / 1_000_000,
        false, Instant.now().toString());
  }

  /** A chunk of a corpus document and the exact text its vector embeds. */
  public record Passage(IndexedChunk chunk, String embeddedText) {}

  /** The chunks of one corpus document, as the evaluation index holds them. */
  public static List<Passage> passagesOf(BeirDataset.CorpusDocument document, Chunker chunker) {
    String text = document.text().isBlank() ? document.title() : document.text();
    ParsedDocument parsed = new ParsedDocument(document.title(), "text/plain", text, List.of(),
        List.of());
    List<Passage> passages = new ArrayList<>();
    for (Chunk chunk : chunker.chunk(parsed)) {
      passages.add(new Passage(new IndexedChunk(
          Hashes.chunkId(document.id(), chunk.ordinal(), chunk.text()), document.id(), "beir",
          document.id(), document.title(), "", chunk.text(), chunk.start(), chunk.end(), 0,
          Set.of(GROUP)), PassageText.of(document.title(), chunk)));
    }
    return passages;
  }

  /**
   * Vectors of {@code texts} from the data directory's cache of {@code embedder}'s model,
   * embedding (and caching) those never embedded.
   */
  public static List<float[]> cachedVectors(Path dataDir, Embedder embedder, List<String> texts) {
    VectorCache cache = new VectorCache(dataDir.resolve("vectors-" + embedder.spec().id() + ".bin"),
        embedder.dimension());
    List<String> missing = texts.stream().filter(t -> cache.get(t) == null).distinct().toList();
    if (!missing.isEmpty()) {
      cache.putAll(missing, embedder.embedPassages(missing));
    }
    return texts.stream().map(cache::get).toList();
  }

  /**
   * Query vectors of {@code queries} from the data directory's cache of {@code embedder}'s model
   * (a file per model and query instruction), embedding (and caching) those never embedded.
   */
  public static List<float[]> cachedQueryVectors(Path dataDir, Embedder embedder,
      List<String> queries) {
    VectorCache cache = new VectorCache(dataDir.resolve("query-vectors-" + embedder.spec().id()
        + (embedder.appliesQueryInstruction() ? "-instruction" : "") + ".bin"),
        embedder.dimension());
    List<String> missing = queries.stream().filter(q -> cache.get(q) == null).distinct().toList();
    if (!missing.isEmpty()) {
      cache.putAll(missing, embedder.embedQueries(missing));
    }
    return queries.stream().map(cache::get).toList();
  }

  private static String fingerprint(String corpusHash, Embedder embedder, Chunker chunker,
      String analyzer, boolean withVectors) {
    return Hashes.sha256(String.join("\n", FORMAT, "corpus=" + corpusHash,
        "model=" + embedder.spec().id(), "max-tokens=" + chunker.maxTokens(),
        "overlap-tokens=" + chunker.overlapTokens(), "analyzer=" + analyzer,
        "vectors=" + withVectors));
  }

  private static String sha256(Path file) throws IOException {
    return Hashes.sha256(Files.readAllBytes(file));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
