package io.groundwork.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files made to hurt a parser, written by tests (never checked in). */
public final class HostileFiles {
  private HostileFiles() {}

  /**
   * A DOCX whose {@code word/document.xml} inflates to about {@code inflatedBytes} (one paragraph
   * of repeated text) from about a thousandth of that: a zip bomb that passes type detection.
   */
  public static Path zipBombDocx(Path file, long inflatedBytes) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          </Relationships>""");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          + "<w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
      byte[] block = "All work and no play makes a parser run out of memory. "
          .repeat(1200).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < inflatedBytes; written += block.length) {
        zip.write(block);
      }
      zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  /** {@code size} bytes from a seeded generator: no text in any encoding. */
  public static byte[] randomBytes(long seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    OutputStream out = zip;
    out.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
