package io.groundwork.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the running headers and footers of a paged document (PDF): lines among the first or last
 * {@value #EDGE} blocks of a page that repeat, the page's own number aside, at the edge of at
 * least half of the pages (and at least two), and page-number lines ("Page 3 of 12", "Page 3", "3 / 12",
 * "- 3 -") at a page's edge and a lone number as a page's first or last line, with or without the document title around them.
 * Headers and footers sit at a page's edge in Tika's output because PDF producers draw them
 * before or after the body; a repeated line in the middle of a page is body text (a table's
 * column head, a recurring label) and stays. Stateless and thread-safe.
 */
final class RunningLines {
  /** Blocks at the top and at the bottom of a page that may be a running header or footer. */
  static final int EDGE = 2;
  /** Longest running line, in words; longer lines are body text even when repeated. */
  private static final int MAX_WORDS = 20;
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?:.*\\s)?(?:page|p\\.|pg\\.?)\\s*# ?(?:(?:of|/)\\s*#)?|# ?(?:/|of) ?#|-\\s*#\\s*-");
  private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");

  private RunningLines() {}

  /** Indexes into {@code blocks} (in document order, with their pages) of running lines. */
  static Set<Integer> find(List<RawBlock> blocks) {
    Map<Integer, List<Integer>> byPage = new HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).page() > 0 && !blocks.get(i).boilerplate()) {
        byPage.computeIfAbsent(blocks.get(i).page(), p -> new ArrayList<>()).add(i);
      }
    }
    if (byPage.isEmpty()) {
      return Set.of();
    }
    // The pages on whose edge each normalised line appears.
    Map<String, Set<Integer>> pagesOf = new HashMap<>();
    Set<Integer> edges = new HashSet<>();
    Set<Integer> outermost = new HashSet<>();
    for (Map.Entry<Integer, List<Integer>> page : byPage.entrySet()) {
      List<Integer> indexes = page.getValue();
      for (int k = 0; k < indexes.size(); k++) {
        if (k < EDGE || k >= indexes.size() - EDGE) {
          int index = indexes.get(k);
          edges.add(index);
          if (k == 0 || k == indexes.size() - 1) {
            outermost.add(index);
          }
          pagesOf.computeIfAbsent(key(blocks.get(index)), t -> new HashSet<>())
              .add(page.getKey());
        }
      }
    }
    int pages = byPage.keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
    int minPages = Math.max(2, (pages + 1) / 2);
    Set<Integer> running = new HashSet<>();
    for (int index : edges) {
      RawBlock block = blocks.get(index);
      if (block.text().split("\\s+").length > MAX_WORDS) {
        continue;
      }
      String normalised = normalise(block.text());
      boolean loneNumber = normalised.equals("#") && outermost.contains(index);
      if (loneNumber || isPageNumber(normalised) || pagesOf.get(key(block)).size() >= minPages) {
        running.add(index);
      }
    }
    return running;
  }

  /**
   * What a line must equal on other pages to repeat: lower case, white space collapsed, and the
   * page's own number as '#' ("Report 2025 - 3" on page 3 and "Report 2025 - 4" on page 4 match;
   * lines that differ in any other number do not).
   */
  static String key(RawBlock block) {
    String lower = block.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    return lower.replaceAll("(?<!\\p{Nd})" + block.page() + "(?!\\p{Nd})", "#");
  }

  /** Lower case, digits as '#', white space collapsed: "Page 3 of 12" and "Page 4 of 12" match. */
  static String normalise(String line) {
    return DIGITS.matcher(line.toLowerCase(Locale.ROOT)).replaceAll("#")
        .replaceAll("\\s+", " ").strip();
  }

  /** A page-number line, possibly after a title: "Handbook - Page # of #", "# / #", "- # -". */
  static boolean isPageNumber(String normalised) {
    return PAGE_NUMBER.matcher(normalised).matches();
  }
}
