package io.groundwork.postgres;

import io.agroal.api.AgroalDataSource;
import io.groundwork.index.ChunkReader;
import io.groundwork.index.IndexedChunk;
import io.groundwork.index.LuceneChunkReader;
import io.groundwork.index.ScoredChunk;
import io.groundwork.index.SearchFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link ChunkReader} of the PostgreSQL store mode. Vector search runs in PostgreSQL on the
 * pgvector HNSW index with the access filter in the same SQL; with pgvector 0.8's iterative index
 * scan ({@code hnsw.iterative_scan = relaxed_order}) the scan goes on past filtered-out rows until
 * top-k is full, so a selective filter does not starve the results. BM25 comes from this
 * replica's local Lucene index, which {@link ReplicaSync} keeps up to date from the change feed.
 *
 * <p>Its write side is {@link PostgresChunkWriter}. Thread-safe.
 */
public final class PostgresChunkReader implements ChunkReader {
  private final AgroalDataSource dataSource;
  private final LuceneChunkReader text;
  private final ReplicaSync replica;
  private final int efSearch;
  private final int maxScanTuples;

  public PostgresChunkReader(AgroalDataSource dataSource, LuceneChunkReader text,
      ReplicaSync replica, int efSearch, int maxScanTuples) {
    if (efSearch < 1 || efSearch > 1000) {
      throw new IllegalArgumentException("efSearch must be in [1, 1000], got " + efSearch);
    }
    if (maxScanTuples < 1) {
      throw new IllegalArgumentException("maxScanTuples must be >= 1, got " + maxScanTuples);
    }
    this.dataSource = dataSource;
    this.text = text;
    this.replica = replica;
    this.efSearch = efSearch;
    this.maxScanTuples = maxScanTuples;
  }

  @Override
  public List<ScoredChunk> searchText(String query, SearchFilter filter, int k) {
    if (replica.following() && !replica.caughtUp()) {
      replica.catchUp(); // a search right after start (e.g. the CLI) waits for the first catch-up
    }
    return text.searchText(query, filter, k);
  }

  @Override
  public List<ScoredChunk> searchVector(float[] vector, SearchFilter filter, int k) {
    if (k <= 0) {
      return List.of();
    }
    return QuarkusTransaction.requiringNew().call(() -> {
      try (Connection connection = dataSource.getConnection()) {
        return searchVector(connection, vector, filter, k, efSearch, maxScanTuples);
      }
    });
  }

  /**
   * The vector search itself, on {@code connection} inside a transaction (the settings are
   * transaction-local). Scores are {@code (1 + dot) / 2} like Lucene's dot-product similarity;
   * ties are broken by chunk id.
   */
  static List<ScoredChunk> searchVector(Connection connection, float[] vector, SearchFilter filter,
      int k, int efSearch, int maxScanTuples) throws SQLException {
    try (PreparedStatement settings = connection.prepareStatement(
        "SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),"
            + " set_config('hnsw.ef_search', ?, true), set_config('hnsw.max_scan_tuples', ?, true)")) {
      settings.setString(1, Integer.toString(Math.max(efSearch, Math.min(k, 1000))));
      settings.setString(2, Integer.toString(maxScanTuples));
      settings.execute();
    }
    StringBuilder where = new StringBuilder("c.embedding IS NOT NULL AND c.access_groups && ?");
    if (!filter.sources().isEmpty()) {
      where.append(" AND c.source_name = ANY (?)");
    }
    if (!filter.documentIds().isEmpty()) {
      where.append(" AND c.document_id = ANY (?)");
    }
    // relaxed_order may return the scan's results slightly out of order: the materialised CTE
    // takes top-k from the index scan, the outer query sorts them exactly (then by chunk id).
    String sql = "WITH nearest AS MATERIALIZED ("
        + " SELECT c.id, c.embedding <#> CAST(? AS vector) AS distance FROM chunks c"
        + " WHERE " + where + " ORDER BY c.embedding <#> CAST(? AS vector) LIMIT ?)"
        + " SELECT n.distance, n.id FROM nearest n ORDER BY n.distance, n.id";
    String literal = PgVectors.literal(vector);
    try (PreparedStatement search = connection.prepareStatement(sql)) {
      int p = 1;
      search.setString(p++, literal);
      search.setArray(p++, textArray(connection, filter.groups()));
      if (!filter.sources().isEmpty()) {
        search.setArray(p++, textArray(connection, filter.sources()));
      }
      if (!filter.documentIds().isEmpty()) {
        search.setArray(p++, textArray(connection, filter.documentIds()));
      }
      search.setString(p++, literal);
      search.setInt(p, k);
      List<ScoredChunk> results = new ArrayList<>(k);
      try (ResultSet rs = search.executeQuery()) {
        while (rs.next()) {
          float dot = (float) -rs.getDouble(1);
          results.add(new ScoredChunk(rs.getString(2), Math.max((1 + dot) / 2, 0)));
        }
      }
      results.sort(Comparator.comparing(ScoredChunk::score).reversed()
          .thenComparing(ScoredChunk::chunkId));
      return results;
    }
  }

  /**
   * Reads the chunks from this replica's local index, which holds every chunk it has applied
   * from the change feed, and only the ones it has not applied yet (a vector hit newer than the
   * replica) from PostgreSQL: a retrieval usually costs no extra round trip.
   */
  @Override
  public List<IndexedChunk> chunks(List<String> chunkIds) {
    Map<String, IndexedChunk> found = new HashMap<>();
    for (IndexedChunk chunk : text.chunks(chunkIds)) {
      found.put(chunk.chunkId(), chunk);
    }
    List<String> missing = chunkIds.stream().filter(id -> !found.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      QuarkusTransaction.requiringNew().run(() -> {
        try (Connection connection = dataSource.getConnection();
            PreparedStatement select = connection.prepareStatement(
                "SELECT " + CHUNK_COLUMNS + " WHERE c.id = ANY (?)")) {
          select.setArray(1, connection.createArrayOf("text", missing.toArray(String[]::new)));
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              IndexedChunk chunk = chunk(rs, 1);
              found.put(chunk.chunkId(), chunk);
            }
          }
        } catch (SQLException e) {
          throw new IllegalStateException("cannot read chunks from PostgreSQL: "
              + e.getMessage(), e);
        }
      });
    }
    return chunkIds.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  /**
   * The columns {@link #chunk} reads, from {@code chunks c} joined with its document {@code d}:
   * {@code "SELECT " + CHUNK_COLUMNS + " WHERE ..."}.
   */
  static final String CHUNK_COLUMNS = "c.id, c.document_id, c.source_name, d.path, d.title,"
      + " c.heading_path, c.body, c.start_offset, c.end_offset, c.page, c.access_groups"
      + " FROM chunks c JOIN documents d ON d.id = c.document_id";

  /** Reads a chunk from columns id, document_id, source_name, path, title, heading_path, body, start, end, page, groups. */
  static IndexedChunk chunk(ResultSet rs, int first) throws SQLException {
    int c = first;
    String id = rs.getString(c++);
    String documentId = rs.getString(c++);
    String source = rs.getString(c++);
    String path = rs.getString(c++);
    String title = rs.getString(c++);
    String heading = rs.getString(c++);
    String body = rs.getString(c++);
    int start = rs.getInt(c++);
    int end = rs.getInt(c++);
    int page = rs.getInt(c++);
    Array groups = rs.getArray(c);
    return new IndexedChunk(id, documentId, source, path, title, heading, body, start, end, page,
        Set.of((String[]) groups.getArray()));
  }

  private static Array textArray(Connection connection, Set<String> values) throws SQLException {
    return connection.createArrayOf("text", values.stream().sorted().toArray(String[]::new));
  }

  @Override
  public int chunkCount(String documentId) {
    return count("SELECT count(*) FROM chunks WHERE document_id = ?", documentId);
  }

  @Override
  public int chunkCount() {
    return count("SELECT count(*) FROM chunks", null);
  }

  private int count(String sql, String parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count chunks in PostgreSQL: " + e.getMessage(), e);
    }
  }
}
