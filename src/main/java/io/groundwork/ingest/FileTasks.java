package io.groundwork.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files of a run as {@link FileTask}s: a source's listed files, or the files under a path
 * given on a command line. A task reads its file only when it runs, and refuses a file larger
 * than {@code maxFileBytes}. Immutable.
 */
final class FileTasks {
  /** Source of command-line files outside every configured source. */
  static final String LOCAL = "local";

  private final long maxFileBytes;

  FileTasks(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /** The tasks of {@code paths}, files of {@code files} relative to its root. */
  List<FileTask> ofSource(SourceFiles files, List<String> paths) {
    return paths.stream().map(path -> new FileTask(files.source().name(), path,
        files.groupsOf(path), () -> readLimited(files.root().resolve(path)))).toList();
  }

  /**
   * The tasks of the file or folder {@code path}: inside source {@code owner}, with the
   * source's access rules and paths relative to its root; with {@code owner} null, in source
   * {@value #LOCAL} readable by {@code defaultGroups}, with absolute paths.
   */
  List<FileTask> ofPath(Path path, SourceFiles owner, Set<String> defaultGroups) {
    String sourceName = owner == null ? LOCAL : owner.source().name();
    Path base = owner == null ? (Files.isDirectory(path) ? path : path.getParent()) : owner.root();
    List<FileTask> tasks = new ArrayList<>();
    for (Path file : listFiles(path)) {
      String relative = base.relativize(file).toString().replace('\\', '/');
      Set<String> groups = owner == null ? defaultGroups : owner.groupsOf(relative);
      String stored = owner == null ? file.toString() : relative;
      tasks.add(new FileTask(sourceName, stored, groups, () -> readLimited(file)));
    }
    return tasks;
  }

  private byte[] readLimited(Path file) throws IOException {
    long size = Files.size(file);
    if (size > maxFileBytes) {
      throw new FileTooLargeException("file has " + size + " bytes, more than the limit of "
          + maxFileBytes);
    }
    return Files.readAllBytes(file);
  }

  private static List<Path> listFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (var walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  /** A file above {@code groundwork.ingest.max-file-bytes}. */
  static final class FileTooLargeException extends IOException {
    FileTooLargeException(String message) {
      super(message);
    }
  }
}
