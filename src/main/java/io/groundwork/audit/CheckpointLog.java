package io.groundwork.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The append-only checkpoint log outside the database: {@value #FILE_NAME} in the checkpoint
 * directory, one checkpoint a line as JSON, each write forced to disk. Shipping the directory to
 * write-once storage makes it the witness a database administrator cannot rewrite. Appends are
 * serialised; thread-safe.
 */
public final class CheckpointLog {
  /** The log's file name in the checkpoint directory. */
  public static final String FILE_NAME = "checkpoints.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private long lastSeq;

  /**
   * Opens (creating the directory if needed) the log in {@code directory}.
   *
   * @throws UncheckedIOException when the directory cannot be created or the log read
   */
  public CheckpointLog(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create checkpoint directory " + directory, e);
    }
    this.file = directory.resolve(FILE_NAME);
    this.lastSeq = Files.exists(file) ? read(file).entries().stream()
        .mapToLong(e -> e.checkpoint().seq()).max().orElse(0) : 0;
  }

  public Path file() {
    return file;
  }

  /** The highest checkpoint number in the log. */
  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** Appends the checkpoints of {@code checkpoints} newer than the log's newest, in order. */
  public synchronized void append(List<Checkpoint> checkpoints) {
    StringBuilder lines = new StringBuilder();
    long seq = lastSeq;
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.seq() > seq) {
        lines.append(line(checkpoint)).append('\n');
        seq = checkpoint.seq();
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to checkpoint log " + file, e);
    }
    lastSeq = seq;
  }

  /** One checkpoint as a JSON line (without the line break). */
  public static String line(Checkpoint checkpoint) {
    try {
      return JSON.writeValueAsString(checkpoint.fields());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one JSON line. @throws IllegalArgumentException describing what is wrong */
  public static Checkpoint parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON");
    }
    for (String field : List.of("seq", "size", "head", "time", "previous", "key", "signature")) {
      if (!node.hasNonNull(field)) {
        throw new IllegalArgumentException("no field '" + field + "'");
      }
    }
    try {
      return new Checkpoint(node.get("seq").asLong(), node.get("size").asLong(),
          node.get("head").asText(), Instant.parse(node.get("time").asText()),
          node.get("previous").asText(), node.get("key").asText(),
          node.get("signature").asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Reads one log file; a line that is not a checkpoint becomes the source's problem. */
  public static CheckpointSource read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint log " + file, e);
    }
    return parse(file.getFileName().toString(), lines);
  }

  /** Parses the lines of a log (blank lines are skipped). */
  public static CheckpointSource parse(String name, List<String> lines) {
    List<CheckpointSource.Entry> entries = new ArrayList<>();
    String problem = null;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        entries.add(new CheckpointSource.Entry(i + 1, parse(lines.get(i))));
      } catch (IllegalArgumentException e) {
        if (problem == null) {
          problem = name + " line " + (i + 1) + " is not a checkpoint: " + e.getMessage();
        }
      }
    }
    return new CheckpointSource(name, entries, problem);
  }

  /**
   * Every {@code *.jsonl} file under {@code directory} (recursively: one file per instance when
   * several replicas ship their logs side by side), sorted by path.
   *
   * @throws IllegalArgumentException when {@code directory} is not a directory
   */
  public static List<CheckpointSource> readDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("checkpoint directory " + directory + " does not exist");
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .filter(Files::isRegularFile).sorted()
          .map(p -> {
            CheckpointSource source = read(p);
            String name = directory.relativize(p).toString();
            return new CheckpointSource(name, source.entries(), source.problem() == null ? null
                : source.problem().replaceFirst("^\\Q" + source.name() + "\\E", name));
          }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoint directory " + directory, e);
    }
  }
}
