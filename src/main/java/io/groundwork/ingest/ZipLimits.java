package io.groundwork.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Limits on expanding the zip archives that office documents are (DOCX is a zip of XML parts),
 * so that a small file cannot inflate to gigabytes in memory: an entry may expand to at most
 * 1/{@link #MIN_INFLATE_RATIO} times its compressed size (XML compresses about 1:10, a bomb
 * 1:1000) and to at most {@link #MAX_ENTRY_BYTES}. {@link #check} reads the archive's directory
 * before anything is parsed (DOCX and ODT alike), so an archive that declares such an entry is
 * refused at once; Apache POI enforces the size again on the bytes actually inflated, for an
 * archive that lies about its sizes. POI reads its limits from process-wide settings; they are
 * set once, before the first parse.
 */
final class ZipLimits {
  /** Compressed size / expanded size below which an entry is refused (POI's own default). */
  static final double MIN_INFLATE_RATIO = 0.01;
  /** The largest expanded size of one entry. */
  static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
  /** The most characters POI's text extraction may build. */
  static final long MAX_TEXT_CHARACTERS = TikaDocumentParser.MAX_CHARACTERS * 2L;

  private ZipLimits() {}

  /** Entries below this expanded size are not judged by their ratio (tiny parts compress oddly). */
  static final long GRACE_BYTES = 1024 * 1024;
  /** The most entries an archive may have. */
  static final int MAX_ENTRIES = 10_000;
  /** The largest declared expanded size of all entries together. */
  static final long MAX_TOTAL_BYTES = 4 * MAX_ENTRY_BYTES;

  /**
   * Refuses the zip archive {@code file} when its directory declares an entry that expands too
   * far, too many entries, or too much in total.
   *
   * @throws DocumentParseException (malformed) naming the entry and the limit
   */
  static void check(Path file, String kind) throws DocumentParseException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      long total = 0;
      int count = 0;
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (++count > MAX_ENTRIES) {
          throw bomb(kind, "more than " + MAX_ENTRIES + " entries");
        }
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0) {
          continue; // not declared: POI's limits judge the inflated bytes
        }
        total += size;
        if (size > MAX_ENTRY_BYTES) {
          throw bomb(kind, entry.getName() + " expands to " + size + " bytes, more than "
              + MAX_ENTRY_BYTES);
        }
        if (size > GRACE_BYTES && compressed >= 0 && compressed < MIN_INFLATE_RATIO * size) {
          throw bomb(kind, entry.getName() + " expands " + (size / Math.max(1, compressed))
              + " times (" + compressed + " to " + size + " bytes), more than "
              + Math.round(1 / MIN_INFLATE_RATIO));
        }
      }
      if (total > MAX_TOTAL_BYTES) {
        throw bomb(kind, "entries expand to " + total + " bytes, more than " + MAX_TOTAL_BYTES);
      }
    } catch (IOException e) {
      // Not a readable zip directory: the parser reports what is wrong with it.
    }
  }

  private static DocumentParseException bomb(String kind, String why) {
    return new DocumentParseException(FailureReason.MALFORMED,
        "malformed " + kind + ": zip bomb refused: " + why);
  }

  static synchronized void apply() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARACTERS);
  }
}
