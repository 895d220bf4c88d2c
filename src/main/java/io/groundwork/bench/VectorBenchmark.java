package io.groundwork.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Vector search through pgvector HNSW against Lucene HNSW on the same vectors and queries:
 * recall@k against exact (brute-force) search, and p50/p95 latency of single-threaded queries,
 * without a filter and with a selective access filter (each vector belongs to one of
 * {@code groups} groups; a filtered query may read one of them). pgvector runs as production
 * does: inner product on normalised vectors, {@code text[]} groups with a GIN index,
 * {@code hnsw.iterative_scan = relaxed_order}. Lucene runs with the filter inside its HNSW search.
 */
public final class VectorBenchmark {
  /** Settings of one run. */
  public record Settings(int k, int efSearch, int groups, int warmup, String dbUrl, String dbUser,
      String dbPassword, Path workDir) {}

  /** Figures of one engine at one size, with or without the filter. */
  public record Figures(String engine, int size, boolean filtered, double recall, double p50Ms,
      double p95Ms, double buildSeconds) {}

  private final Settings settings;
  private final Consumer<String> progress;

  public VectorBenchmark(Settings settings, Consumer<String> progress) {
    if (settings.k() < 1 || settings.efSearch() < settings.k()) {
      throw new IllegalArgumentException("need 1 <= k <= efSearch, got k=" + settings.k()
          + " efSearch=" + settings.efSearch());
    }
    if (settings.groups() < 2) {
      throw new IllegalArgumentException("groups must be >= 2, got " + settings.groups());
    }
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * {@code base} plus perturbed copies (Gaussian noise of {@code sigma} per component, then
   * normalised; seeded) until there are {@code size} vectors.
   */
  public static List<float[]> grow(List<float[]> base, int size, double sigma, long seed) {
    List<float[]> all = new ArrayList<>(Math.max(size, base.size()));
    all.addAll(base.subList(0, Math.min(size, base.size())));
    Random random = new Random(seed);
    for (int i = 0; all.size() < size; i++) {
      float[] source = base.get(i % base.size());
      float[] copy = new float[source.length];
      double norm = 0;
      for (int d = 0; d < copy.length; d++) {
        copy[d] = (float) (source[d] + sigma * random.nextGaussian());
        norm += copy[d] * copy[d];
      }
      float scale = (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < copy.length; d++) {
        copy[d] *= scale;
      }
      all.add(copy);
    }
    return all;
  }

  /** Runs both engines on {@code vectors} and {@code queries}, with and without the filter. */
  public List<Figures> run(List<float[]> vectors, List<float[]> queries) {
    int n = vectors.size();
    progress.accept("exact search for " + queries.size() + " queries over " + n + " vectors");
    int[][] exact = new int[queries.size()][];
    int[][] exactFiltered = new int[queries.size()][];
    for (int q = 0; q < queries.size(); q++) {
      exact[q] = exactTopK(vectors, queries.get(q), -1);
      exactFiltered[q] = exactTopK(vectors, queries.get(q), groupOf(q));
    }
    List<Figures> figures = new ArrayList<>();
    try {
      figures.addAll(lucene(vectors, queries, exact, exactFiltered));
      figures.addAll(pgvector(vectors, queries, exact, exactFiltered));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("pgvector benchmark failed: " + e.getMessage(), e);
    }
    return figures;
  }

  private int groupOf(int index) {
    return Math.floorMod(index * 0x9E3779B9, settings.groups());
  }

  private int[] exactTopK(List<float[]> vectors, float[] query, int group) {
    PriorityQueue<float[]> heap = new PriorityQueue<>(Comparator.comparingDouble(e -> e[0]));
    for (int i = 0; i < vectors.size(); i++) {
      if (group >= 0 && groupOf(i) != group) {
        continue;
      }
      float[] v = vectors.get(i);
      float dot = 0;
      for (int d = 0; d < v.length; d++) {
        dot += v[d] * query[d];
      }
      if (heap.size() < settings.k()) {
        heap.add(new float[] {dot, i});
      } else if (dot > heap.peek()[0]) {
        heap.poll();
        heap.add(new float[] {dot, i});
      }
    }
    return heap.stream().mapToInt(e -> (int) e[1]).sorted().toArray();
  }

  private List<Figures> lucene(List<float[]> vectors, List<float[]> queries, int[][] exact,
      int[][] exactFiltered) throws IOException {
    Path dir = Files.createTempDirectory(settings.workDir(), "lucene-bench");
    long start = System.nanoTime();
    progress.accept("Lucene: indexing " + vectors.size() + " vectors");
    try (FSDirectory directory = FSDirectory.open(dir)) {
      IndexWriterConfig config = new IndexWriterConfig();
      config.setRAMBufferSizeMB(512);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (int i = 0; i < vectors.size(); i++) {
          Document doc = new Document();
          doc.add(new StoredField("id", i));
          doc.add(new StringField("group", "g" + groupOf(i), Field.Store.NO));
          doc.add(new KnnFloatVectorField("v", vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
          writer.addDocument(doc);
        }
        writer.forceMerge(1);
        writer.commit();
      }
      double build = (System.nanoTime() - start) / 1e9;
      List<Figures> figures = new ArrayList<>();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = searcher.storedFields();
        for (boolean filtered : new boolean[] {false, true}) {
          progress.accept("Lucene: " + (filtered ? "filtered" : "unfiltered") + " queries");
          long[] nanos = new long[queries.size()];
          double recall = 0;
          for (int round = 0; round < 2; round++) { // round 0 warms up
            for (int q = 0; q < queries.size(); q++) {
              if (round == 0 && q >= settings.warmup()) {
                break;
              }
              long t0 = System.nanoTime();
              // Candidate list efSearch, like hnsw.ef_search; the best k of it are the answer.
              KnnFloatVectorQuery query = filtered
                  ? new KnnFloatVectorQuery("v", queries.get(q), settings.efSearch(),
                      new TermQuery(new Term("group", "g" + groupOf(q))))
                  : new KnnFloatVectorQuery("v", queries.get(q), settings.efSearch());
              TopDocs top = searcher.search(query, settings.k());
              int[] found = new int[top.scoreDocs.length];
              for (int i = 0; i < found.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                found[i] = stored.document(hit.doc).getField("id").numericValue().intValue();
              }
              long elapsed = System.nanoTime() - t0;
              if (round == 1) {
                nanos[q] = elapsed;
                recall += recall(found, filtered ? exactFiltered[q] : exact[q]);
              }
            }
          }
          figures.add(figures("lucene-hnsw", vectors.size(), filtered, recall / queries.size(),
              nanos, build));
        }
      }
      return figures;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private List<Figures> pgvector(List<float[]> vectors, List<float[]> queries, int[][] exact,
      int[][] exactFiltered) throws SQLException, IOException {
    int dim = vectors.get(0).length;
    try (Connection connection = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(),
        settings.dbPassword())) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE EXTENSION IF NOT EXISTS vector");
        ddl.execute("DROP TABLE IF EXISTS groundwork_bench_vectors");
        ddl.execute("CREATE TABLE groundwork_bench_vectors (id INTEGER PRIMARY KEY,"
            + " access_groups TEXT[] NOT NULL, embedding vector(" + dim + ") NOT NULL)");
      }
      long start = System.nanoTime();
      progress.accept("pgvector: loading " + vectors.size() + " vectors");
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      int batch = 10_000;
      for (int from = 0; from < vectors.size(); from += batch) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i < Math.min(vectors.size(), from + batch); i++) {
          rows.append(i).append("\t{g").append(groupOf(i)).append("}\t")
              .append(Arrays.toString(vectors.get(i)).replace(" ", "")).append('\n');
        }
        copy.copyIn("COPY groundwork_bench_vectors FROM STDIN", new StringReader(rows.toString()));
      }
      progress.accept("pgvector: building the HNSW index");
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("SET maintenance_work_mem = '2GB'");
        ddl.execute("CREATE INDEX ON groundwork_bench_vectors USING hnsw (embedding vector_ip_ops)");
        ddl.execute("CREATE INDEX ON groundwork_bench_vectors USING gin (access_groups)");
        ddl.execute("ANALYZE groundwork_bench_vectors");
      }
      double build = (System.nanoTime() - start) / 1e9;
      List<Figures> figures = new ArrayList<>();
      connection.setAutoCommit(false);
      for (boolean filtered : new boolean[] {false, true}) {
        progress.accept("pgvector: " + (filtered ? "filtered" : "unfiltered") + " queries");
        String sql = "WITH nearest AS MATERIALIZED (SELECT id, embedding <#> CAST(? AS vector) AS d"
            + " FROM groundwork_bench_vectors"
            + (filtered ? " WHERE access_groups && CAST(? AS text[])" : "")
            + " ORDER BY embedding <#> CAST(? AS vector) LIMIT ?) SELECT id FROM nearest ORDER BY d, id";
        long[] nanos = new long[queries.size()];
        double recall = 0;
        try (PreparedStatement settingsStatement = connection.prepareStatement(
                "SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),"
                    + " set_config('hnsw.ef_search', ?, true)");
            PreparedStatement search = connection.prepareStatement(sql)) {
          for (int round = 0; round < 2; round++) {
            for (int q = 0; q < queries.size(); q++) {
              if (round == 0 && q >= settings.warmup()) {
                break;
              }
              long t0 = System.nanoTime();
              settingsStatement.setString(1, Integer.toString(settings.efSearch()));
              settingsStatement.execute();
              String literal = Arrays.toString(queries.get(q)).replace(" ", "");
              int p = 1;
              search.setString(p++, literal);
              if (filtered) {
                search.setString(p++, "{g" + groupOf(q) + "}");
              }
              search.setString(p++, literal);
              search.setInt(p, settings.k());
              List<Integer> found = new ArrayList<>();
              try (ResultSet rs = search.executeQuery()) {
                while (rs.next()) {
                  found.add(rs.getInt(1));
                }
              }
              connection.commit();
              long elapsed = System.nanoTime() - t0;
              if (round == 1) {
                nanos[q] = elapsed;
                recall += recall(found.stream().mapToInt(Integer::intValue).toArray(),
                    filtered ? exactFiltered[q] : exact[q]);
              }
            }
          }
        }
        figures.add(figures("pgvector-hnsw", vectors.size(), filtered, recall / queries.size(),
            nanos, build));
      }
      connection.setAutoCommit(true);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("DROP TABLE groundwork_bench_vectors");
      }
      return figures;
    }
  }

  private static double recall(int[] found, int[] exact) {
    if (exact.length == 0) {
      return 1;
    }
    int hits = 0;
    for (int id : found) {
      if (Arrays.binarySearch(exact, id) >= 0) {
        hits++;
      }
    }
    return (double) hits / exact.length;
  }

  private static Figures figures(String engine, int size, boolean filtered, double recall,
      long[] nanos, double build) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Figures(engine, size, filtered, recall, percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.95) / 1e6, build);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
