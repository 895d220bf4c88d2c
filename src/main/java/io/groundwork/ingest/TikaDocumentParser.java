package io.groundwork.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
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
 *
 * <p>A hostile file cannot take the process down: archives (DOCX, ODT) are opened with the
 * {@link ZipLimits} (expansion ratio, entry size), Word documents are read as SAX events
 * rather than a document tree, the text a file may produce is capped, parsing gives up after
 * the time limit, and content whose bytes are not text is refused whatever its name. Each of
 * these ends as a {@link DocumentParseException}, i.e. a recorded ingestion failure.
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

  /** Types that are zip archives of parts. */
  private static final Set<String> ZIP_TYPES = Set.of(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.oasis.opendocument.text");

  /** Types whose bytes must be text. */
  private static final Set<String> TEXT_TYPES = Set.of(
      "text/plain", "text/markdown", "text/x-web-markdown", "text/html", "application/xhtml+xml",
      "application/rtf");

  private static final Set<String> LINE_ORIENTED =
      Set.of("text/plain", "text/markdown", "text/x-web-markdown");

  /** Characters of text a single document may produce. */
  static final int MAX_CHARACTERS = 5_000_000;

  /** The longest a single file may be parsed by default. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);

  static {
    ZipLimits.apply();
  }

  /**
   * What this parser makes of a file: stored with every document, so that a document parsed by
   * an earlier version is parsed again on the next run even when its file has not changed. Raise
   * it whenever the text, the structure or the boilerplate rules change.
   */
  public static final String VERSION = "tika-structure-4";

  private final AutoDetectParser parser = new AutoDetectParser();
  private final Duration timeLimit;

  /** A parser with the {@linkplain #DEFAULT_TIME_LIMIT default time limit} per file. */
  public TikaDocumentParser() {
    this(DEFAULT_TIME_LIMIT);
  }

  /** A parser that gives up on a file after {@code timeLimit} of parsing. */
  public TikaDocumentParser(Duration timeLimit) {
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("parse time limit must be positive, got " + timeLimit);
    }
    this.timeLimit = timeLimit;
  }

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
      if (TEXT_TYPES.contains(type) && !startsLikeText(input)) {
        throw new DocumentParseException(FailureReason.NOT_TEXT,
            "the file's bytes are not text, although its name or type says " + type);
      }
      if (ZIP_TYPES.contains(type)) {
        ZipLimits.check(input.getPath(), shortName(type));
      }
      ParsedDocument document = LINE_ORIENTED.contains(type)
          ? parseLines(input, metadata, type, fileName)
          : parseStructured(input, metadata, type, fileName);
      if (document.text().isBlank()) {
        // A parser that stopped on a limit inside a part (a zip bomb's entry) reports it here.
        String warning = metadata.get(TikaCoreProperties.TIKA_META_EXCEPTION_WARNING);
        if (warning != null && !warning.isBlank()) {
          throw new DocumentParseException(FailureReason.MALFORMED, "malformed "
              + shortName(type) + ": " + firstLine(warning));
        }
        throw new DocumentParseException(FailureReason.NO_TEXT,
            "no text could be extracted (" + type + ")");
      }
      if (!TextLikeness.textLooksLikeText(document.text())) {
        throw new DocumentParseException(FailureReason.NOT_TEXT,
            "the extracted text is not text (control characters or undecodable bytes; "
                + type + ")");
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
    try {
      parser.parse(input, limited(handler), metadata, context());
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
      parser.parse(input, limited(handler), metadata, context());
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

  private LimitedHandler limited(org.xml.sax.ContentHandler handler) {
    return new LimitedHandler(handler, MAX_CHARACTERS, System.nanoTime() + timeLimit.toNanos(),
        timeLimit);
  }

  /**
   * Word documents are read as a stream of SAX events, never as a whole document in memory; their
   * headers and footers repeat on every page, so they are boilerplate, never body text. HTML
   * navigation, headers and footers are kept out the same way.
   */
  private static ParseContext context() {
    ParseContext context = new ParseContext();
    context.set(HtmlMapper.class, BoilerplateHtmlMapper.INSTANCE);
    OfficeParserConfig office = new OfficeParserConfig();
    office.setUseSAXDocxExtractor(true);
    office.setIncludeDeletedContent(false);
    office.setIncludeHeadersAndFooters(false);
    context.set(OfficeParserConfig.class, office);
    return context;
  }

  /** Whether the first bytes of {@code input} look like text; the stream is reset. */
  private static boolean startsLikeText(TikaInputStream input) throws IOException {
    byte[] sample = new byte[TextLikeness.SAMPLE_BYTES];
    input.mark(sample.length);
    int length = input.readNBytes(sample, 0, sample.length);
    input.reset();
    return TextLikeness.bytesLookLikeText(sample, length);
  }

  private static String shortName(String type) {
    return switch (type) {
      case "application/pdf" -> "PDF";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
      case "application/msword" -> "Word document";
      case "application/vnd.oasis.opendocument.text" -> "ODT";
      case "text/html", "application/xhtml+xml" -> "HTML";
      default -> type;
    };
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 500 ? line.substring(0, 500) : line;
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
