package io.groundwork.ingest;

import io.groundwork.core.Hashes;
import io.groundwork.embed.Embedder;
import io.groundwork.index.IndexedChunk;
import io.groundwork.text.InstructionDetector;
import io.groundwork.store.ChunkEntity;
import io.groundwork.store.ContentFlag;
import io.groundwork.store.DocumentEntity;
import io.groundwork.store.DocumentOriginalEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ingests one file: reads it, skips it when its content, access groups, ingest version (parser
 * and chunking), embedding model and index entry are as stored, and otherwise parses, chunks and embeds it and
 * stores it, with its block structure and the file itself, in the {@link DocumentStore}.
 * A file that cannot be ingested gives a failed {@link FileResult} with its reason, never an
 * exception; what was stored for it before stays. Thread-safe.
 */
@ApplicationScoped
public class DocumentIngester {
  private static final Logger LOG = Logger.getLogger(DocumentIngester.class);
  private static final InstructionDetector INSTRUCTIONS = new InstructionDetector();
  /** Flagged sentences kept per document; the document is flagged either way. */
  private static final int MAX_FLAGS = 20;

  private final DocumentParser parser;
  private final Chunker chunker;
  private final Embedder embedder;
  private final DocumentStore documents;

  public DocumentIngester(DocumentParser parser, Chunker chunker, Embedder embedder,
      DocumentStore documents) {
    this.parser = parser;
    this.chunker = chunker;
    this.embedder = embedder;
    this.documents = documents;
  }

  FileResult ingest(FileTask task) {
    String documentId = Hashes.documentId(task.sourceName(), task.path());
    try {
      byte[] bytes = task.content().read();
      String contentHash = Hashes.sha256(bytes);
      if (documents.isCurrent(documentId, contentHash, task.groups(), ingestVersion(),
          embeddingModel())) {
        return FileResult.unchanged();
      }
      ParsedDocument parsed = parser.parse(new ByteArrayInputStream(bytes), task.path());
      List<Chunk> chunks = chunker.chunk(parsed);
      List<String> passages = chunks.stream().map(c -> PassageText.of(parsed.title(), c)).toList();
      List<float[]> vectors = embedder.embedPassages(passages);
      List<IndexedChunk> indexed = chunks.stream().map(c -> new IndexedChunk(
          Hashes.chunkId(documentId, c.ordinal(), c.text()), documentId, task.sourceName(),
          task.path(), parsed.title(), String.join(" > ", c.headingPath()), c.text(), c.start(),
          c.end(), c.page(), task.groups())).toList();
      DocumentEntity document =
          document(documentId, task, parsed, contentHash, bytes.length, chunks);
      document.ingestVersion = ingestVersion();
      document.embeddingModel = embeddingModel();
      documents.replace(document, chunkRows(documentId, chunks, indexed),
          original(task.path(), bytes), indexed, vectors);
      if (parsed.boilerplateBlocks() > 0) {
        LOG.debugf("%s: %d boilerplate blocks left out", task.path(), parsed.boilerplateBlocks());
      }
      return FileResult.ingested(chunks.size());
    } catch (DocumentParseException e) {
      return FileResult.failed(e.getMessage(), e.reason());
    } catch (IOException e) {
      return FileResult.failed("cannot read file: " + e.getMessage(),
          e instanceof FileTasks.FileTooLargeException
              ? FailureReason.TOO_LARGE : FailureReason.UNREADABLE);
    } catch (RuntimeException e) {
      LOG.errorf(e, "cannot ingest %s", task.path());
      return FileResult.failed("internal error: " + e, FailureReason.INTERNAL);
    }
  }

  /**
   * What a document is ingested with: the parser's version and the chunking settings. A stored
   * document with another one is ingested again even when its file is unchanged.
   */
  public String ingestVersion() {
    return parser.version() + "; chunks " + chunker.maxTokens() + "/" + chunker.overlapTokens();
  }

  /**
   * The model chunks are embedded with ({@code groundwork.embedding.model}); a stored document
   * embedded with another one is embedded again even when its file is unchanged.
   */
  public String embeddingModel() {
    return embedder.spec().id();
  }

  private static DocumentOriginalEntity original(String path, byte[] bytes) {
    DocumentOriginalEntity original = new DocumentOriginalEntity();
    original.fileName = ColumnText.truncate(path.substring(path.lastIndexOf('/') + 1), 1000);
    original.content = bytes;
    return original;
  }

  private static DocumentEntity document(String documentId, FileTask task, ParsedDocument parsed,
      String contentHash, long size, List<Chunk> chunks) {
    DocumentEntity document = new DocumentEntity();
    document.id = documentId;
    document.sourceName = task.sourceName();
    document.path = task.path();
    document.sourceUri = task.sourceName() + ":" + task.path();
    document.title = ColumnText.truncate(parsed.title(), 1000);
    document.mediaType = parsed.mediaType();
    document.contentHash = contentHash;
    document.setGroups(task.groups());
    document.sizeBytes = size;
    document.chunkCount = chunks.size();
    document.body = parsed.text();
    document.structure = parsed.blocks().isEmpty() ? null : Block.toJson(parsed.blocks());
    document.setFlags(flags(parsed.text()));
    document.ingestedAt = OffsetDateTime.now();
    return document;
  }

  /** The sentences that try to steer the reader, at most {@link #MAX_FLAGS} of them. */
  private static List<ContentFlag> flags(String text) {
    return INSTRUCTIONS.find(text).stream().limit(MAX_FLAGS)
        .map(f -> new ContentFlag(f.kind().label(), f.span().start(), f.span().end(),
            f.span().text()))
        .toList();
  }

  private static List<ChunkEntity> chunkRows(String documentId, List<Chunk> chunks,
      List<IndexedChunk> indexed) {
    List<ChunkEntity> rows = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      ChunkEntity entity = new ChunkEntity();
      entity.id = indexed.get(i).chunkId();
      entity.documentId = documentId;
      entity.ordinal = chunk.ordinal();
      entity.startOffset = chunk.start();
      entity.endOffset = chunk.end();
      entity.headingPath = ColumnText.truncate(String.join(" > ", chunk.headingPath()), 2000);
      entity.page = chunk.page();
      entity.tokenCount = chunk.tokenCount();
      entity.body = chunk.text();
      rows.add(entity);
    }
    return rows;
  }
}
