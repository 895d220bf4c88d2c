package io.groundwork.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * {@link DocumentParser} backed by Apache Tika's auto-detecting parser. Accepts the formats a
 * knowledge base is made of (plain text, Markdown, HTML, PDF, Word, OpenDocument text, RTF) and
 * rejects everything else by its detected type, so that images or archives are reported rather
 * than indexed as empty documents. Thread-safe.
 */
public final class TikaDocumentParser implements DocumentParser {
  /** Media types (without parameters) that are parsed; anything else is refused. */
  public static final Set<String> SUPPORTED_TYPES = Set.of(
      "text/plain",
      "text/markdown",
      "text/x-web-markdown",
      "text/html",
      "application/xhtml+xml",
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/msword",
      "application/vnd.oasis.opendocument.text",
      "application/rtf");

  private static final Set<String> LINE_ORIENTED =
      Set.of("text/plain", "text/markdown", "text/x-web-markdown");

  /** Characters of text a single document may produce; protects the heap from a zip bomb. */
  private static final int MAX_CHARACTERS = 5_000_000;

  /**
   * What this parser makes of a file: stored with every document, so that a document parsed by
   * an earlier version is parsed again on the next run even when its file has not changed. Raise
   * it whenever the text, the structure or the boilerplate rules change.
   */
  public static final String VERSION = "tika-structure-2";

  private final AutoDetectParser parser = new AutoDetectParser();

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public ParsedDocument parse(InputStream content, String fileName) throws DocumentParseException {
    try (TikaInputStream input = TikaInputStream.get(new BufferedInputStream(content))) {
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
      MediaType detected = parser.getDetector().detect(input, metadata);
      String type = detected.getBaseType().toString();
      if (fileName.toLowerCase().endsWith(".md") && type.equals("text/plain")) {
        type = "text/markdown";
      }
      input.mark(1);
      boolean empty = input.read() < 0;
      input.reset();
      if (empty) {
        throw new DocumentParseException(FailureReason.EMPTY, "file is empty");
      }
      if (!SUPPORTED_TYPES.contains(type)) {
        throw new DocumentParseException(FailureReason.UNSUPPORTED_TYPE,
            "unsupported file type " + type);
      }
      ParsedDocument document = LINE_ORIENTED.contains(type)
          ? parseLines(input, metadata, type, fileName)
          : parseStructured(input, metadata, type, fileName);
      if (document.text().isBlank()) {
        throw new DocumentParseException(FailureReason.NO_TEXT,
            "no text could be extracted (" + type + ")");
      }
      return document;
    } catch (IOException e) {
      throw new DocumentParseException(FailureReason.UNREADABLE,
          "cannot read file: " + e.getMessage(), e);
    }
  }

  private ParsedDocument parseStructured(
      TikaInputStream input, Metadata metadata, String type, String fileName)
      throws DocumentParseException, IOException {
    StructuredTextHandler handler = new StructuredTextHandler();
    ParseContext context = new ParseContext();
    context.set(HtmlMapper.class, BoilerplateHtmlMapper.INSTANCE);
    // Word headers and footers repeat on every page: they are boilerplate, never body text.
    OfficeParserConfig office = new OfficeParserConfig();
    office.setIncludeHeadersAndFooters(false);
    context.set(OfficeParserConfig.class, office);
    try {
      parser.parse(input, new LimitedHandler(handler, MAX_CHARACTERS), metadata, context);
    } catch (TikaException | SAXException e) {
      throw new DocumentParseException(FailureReason.MALFORMED,
          "malformed " + shortName(type) + ": " + rootMessage(e), e);
    }
    List<RawBlock> blocks = handler.blocks();
    String firstHeading = blocks.stream().filter(b -> b.type() == RawBlock.Type.HEADING)
        .map(RawBlock::text).findFirst().orElse(null);
    String title = firstNonBlank(metadata.get(TikaCoreProperties.TITLE), firstHeading,
        baseName(fileName));
    StructuredText.Result structure = StructuredText.assemble(blocks, title, handler.pages());
    return new ParsedDocument(title, type, structure.text(), structure.headings(),
        structure.pageStarts(), structure.blocks(), structure.boilerplateBlocks());
  }

  private ParsedDocument parseLines(
      TikaInputStream input, Metadata metadata, String type, String fileName)
      throws DocumentParseException, IOException {
    BodyContentHandler handler = new BodyContentHandler(MAX_CHARACTERS);
    try {
      parser.parse(input, handler, metadata, new ParseContext());
    } catch (TikaException | SAXException e) {
      throw new DocumentParseException(FailureReason.MALFORMED,
          "malformed " + shortName(type) + ": " + rootMessage(e), e);
    }
    PlainTextStructure structure = PlainTextStructure.of(handler.toString());
    List<Heading> headings = structure.headings();
    String title = firstNonBlank(
        headings.isEmpty() ? null : headings.getFirst().text(), baseName(fileName));
    return new ParsedDocument(title, type, structure.text(), headings, List.of(),
        structure.blocks(), 0);
  }

  private static String shortName(String type) {
    return switch (type) {
      case "application/pdf" -> "PDF";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
      case "application/msword" -> "Word document";
      case "text/html", "application/xhtml+xml" -> "HTML";
      default -> type;
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  private static String firstNonBlank(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return "";
  }

  private static String baseName(String fileName) {
    String name = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
