package io.groundwork.ingest;

import java.util.Locale;
import java.util.Set;
import org.apache.tika.parser.html.DefaultHtmlMapper;

/**
 * Tika's default HTML mapping, except that the elements and the attribute that mark a page's
 * boilerplate reach the content handler: {@code nav}, {@code aside}, {@code header},
 * {@code footer}, the sectioning elements that tell a page's header from an article's
 * ({@code main}, {@code article}, {@code section}), {@code div} (a block boundary, and where
 * ARIA roles are usually set) and the ARIA {@code role} attribute. The default mapping drops
 * those elements but keeps their text, so navigation would read as body text and the texts of
 * adjacent {@code div}s would run together. Stateless and thread-safe.
 */
final class BoilerplateHtmlMapper extends DefaultHtmlMapper {
  static final BoilerplateHtmlMapper INSTANCE = new BoilerplateHtmlMapper();

  private static final Set<String> PASSED =
      Set.of("nav", "aside", "header", "footer", "main", "article", "section", "div");

  private BoilerplateHtmlMapper() {}

  @Override
  public String mapSafeElement(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return PASSED.contains(lower) ? lower : super.mapSafeElement(name);
  }

  @Override
  public String mapSafeAttribute(String elementName, String attributeName) {
    return "role".equalsIgnoreCase(attributeName) ? "role"
        : super.mapSafeAttribute(elementName, attributeName);
  }
}
