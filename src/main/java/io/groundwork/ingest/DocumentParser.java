package io.groundwork.ingest;

import java.io.InputStream;

/** Turns the bytes of a file into text with structure. */
public interface DocumentParser {
  /**
   * Parses one file.
   *
   * @param content the file's bytes; not closed by this method
   * @param fileName the file's name, used to help type detection and as the fallback title
   * @throws DocumentParseException when the file is empty, of an unsupported type or malformed
   */
  ParsedDocument parse(InputStream content, String fileName) throws DocumentParseException;

  /**
   * Names what this parser makes of a file. It is stored with every document; a document stored
   * under another version is parsed again on the next run even when its file is unchanged, so an
   * implementation changes it whenever its text, structure or boilerplate rules change.
   */
  default String version() {
    return getClass().getSimpleName();
  }
}
