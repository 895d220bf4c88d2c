package io.groundwork.ingest;

import io.groundwork.ingest.PipelineConfig.AccessRule;
import io.groundwork.ingest.PipelineConfig.SourceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of one source, and the access groups of each file. Access rules are globs relative to
 * the source root; a file matched by one or more rules is readable by the union of their groups,
 * any other file by the source's default groups. Immutable.
 */
public final class SourceFiles {
  private final SourceConfig source;
  private final Path root;
  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final List<PathMatcher> customerSafe;

  public SourceFiles(SourceConfig source, Path root) {
    this.source = source;
    this.root = root.toAbsolutePath().normalize();
    this.includes = source.include().stream().map(SourceFiles::glob).toList();
    this.excludes = source.exclude().stream().map(SourceFiles::glob).toList();
    this.customerSafe = source.customerSafe().stream().map(SourceFiles::glob).toList();
  }

  public SourceConfig source() {
    return source;
  }

  public Path root() {
    return root;
  }

  /** Files to ingest, as paths relative to the root with '/' separators, sorted. */
  public List<String> list() {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "source '" + source.name() + "' folder " + root + " does not exist");
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p))
          .filter(p -> !isHidden(p))
          .filter(p -> includes.stream().anyMatch(m -> m.matches(p)))
          .filter(p -> excludes.stream().noneMatch(m -> m.matches(p)))
          .map(SourceFiles::slashed)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list source folder " + root, e);
    }
  }

  /** Groups that may read the file at {@code relativePath}. */
  public Set<String> groupsOf(String relativePath) {
    Path path = Path.of(relativePath);
    Set<String> groups = new TreeSet<>();
    for (AccessRule rule : source.access()) {
      if (glob(rule.pattern()).matches(path)) {
        groups.addAll(rule.groups());
      }
    }
    if (groups.isEmpty()) {
      groups.addAll(source.defaultGroups());
    }
    return groups;
  }

  /**
   * Whether a reply to a customer may cite the file at {@code relativePath}: it matches one of
   * the source's {@code customer-safe} patterns.
   */
  public boolean isCustomerSafe(String relativePath) {
    Path path = Path.of(relativePath);
    return customerSafe.stream().anyMatch(matcher -> matcher.matches(path));
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static PathMatcher glob(String pattern) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    // "**/x" should also match "x" at the top level, as in .gitignore.
    if (pattern.startsWith("**/")) {
      PathMatcher topLevel = FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3));
      return p -> matcher.matches(p) || topLevel.matches(p);
    }
    return matcher;
  }

  private static String slashed(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
