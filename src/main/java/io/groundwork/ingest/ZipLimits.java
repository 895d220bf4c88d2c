package io.groundwork.ingest;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Limits on expanding the zip archives that office documents are (DOCX is a zip of XML parts),
 * so that a small file cannot inflate to gigabytes in memory: an entry may expand to at most
 * 1/{@link #MIN_INFLATE_RATIO} times its compressed size (XML compresses about 1:10, a bomb
 * 1:1000) and to at most {@link #MAX_ENTRY_BYTES}. Apache POI reads
 * these limits from process-wide settings; they are set once, before the first parse.
 */
final class ZipLimits {
  /** Compressed size / expanded size below which an entry is refused (POI's own default). */
  static final double MIN_INFLATE_RATIO = 0.01;
  /** The largest expanded size of one entry. */
  static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
  /** The most characters POI's text extraction may build. */
  static final long MAX_TEXT_CHARACTERS = TikaDocumentParser.MAX_CHARACTERS * 2L;

  private ZipLimits() {}

  static synchronized void apply() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARACTERS);
  }
}
