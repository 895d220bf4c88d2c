package io.groundwork.index;

import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document of a chunk: its field names, and the conversion both ways. Changing a field
 * changes the index format (and the evaluation index's fingerprint must then change with it).
 */
final class ChunkFields {
  static final String ID = "id";
  /**
   * The chunk id again, as sorted doc values: a search reads its hits' ids from these without
   * decompressing stored fields. Indexes written before this field existed lack it on their
   * chunks; for those the id comes from the stored field.
   */
  static final String ID_VALUES = "id_values";
  /**
   * The whole chunk as a binary doc value ({@link ChunkCodec}), read in place by
   * {@link LuceneChunkReader#chunks}; chunks of older indexes lack it and are read from their
   * stored fields.
   */
  static final String RECORD = "record";
  static final String DOC_ID = "doc_id";
  static final String SOURCE = "source";
  static final String PATH = "path";
  static final String GROUPS = "groups";
  static final String TEXT = "text";
  static final String CONTEXT = "context";
  static final String TITLE = "title";
  static final String HEADING = "heading";
  static final String START = "start";
  static final String END = "end";
  static final String PAGE = "page";
  static final String VECTOR = "vector";

  private ChunkFields() {}

  /** The document of {@code chunk}; {@code vector} may be null (a text-only index). */
  static Document toDocument(IndexedChunk chunk, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(ID, chunk.chunkId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID_VALUES, new BytesRef(chunk.chunkId())));
    doc.add(new BinaryDocValuesField(RECORD, ChunkCodec.encode(chunk)));
    doc.add(new StringField(DOC_ID, chunk.documentId(), Field.Store.YES));
    doc.add(new StringField(SOURCE, chunk.sourceName(), Field.Store.YES));
    doc.add(new StoredField(PATH, chunk.path()));
    for (String group : chunk.groups()) {
      doc.add(new StringField(GROUPS, group, Field.Store.YES));
    }
    doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
    doc.add(new TextField(CONTEXT, chunk.title() + "\n" + chunk.headingPath(), Field.Store.NO));
    doc.add(new StoredField(TITLE, chunk.title()));
    doc.add(new StoredField(HEADING, chunk.headingPath()));
    doc.add(new StoredField(START, chunk.start()));
    doc.add(new StoredField(END, chunk.end()));
    doc.add(new StoredField(PAGE, chunk.page()));
    // null for a text-only index: BM25 evaluation, or PostgreSQL store mode (vectors live there)
    if (vector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  /** The chunk of a document read from its stored fields (chunks indexed before doc values). */
  static IndexedChunk fromDocument(Document doc) {
    return new IndexedChunk(
        doc.get(ID), doc.get(DOC_ID), doc.get(SOURCE), doc.get(PATH), doc.get(TITLE),
        doc.get(HEADING), doc.get(TEXT),
        doc.getField(START).numericValue().intValue(),
        doc.getField(END).numericValue().intValue(),
        doc.getField(PAGE).numericValue().intValue(),
        Set.copyOf(Arrays.asList(doc.getValues(GROUPS))));
  }
}
