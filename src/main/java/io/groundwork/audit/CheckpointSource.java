package io.groundwork.audit;

import java.util.List;
import java.util.Objects;

/**
 * The checkpoints of one source (the database table, one checkpoint log file, an export
 * bundle), in the order the source holds them. Immutable.
 *
 * @param name where they come from, for messages (e.g. {@code checkpoints.jsonl})
 * @param entries the checkpoints with their line numbers (1-based), in source order
 * @param problem the first line that is not a checkpoint, described, or null
 */
public record CheckpointSource(String name, List<Entry> entries, String problem) {
  public CheckpointSource {
    Objects.requireNonNull(name, "name");
    entries = List.copyOf(entries);
  }

  /** A source whose checkpoints are numbered in list order. */
  public static CheckpointSource of(String name, List<Checkpoint> checkpoints) {
    return new CheckpointSource(name, java.util.stream.IntStream.range(0, checkpoints.size())
        .mapToObj(i -> new Entry(i + 1, checkpoints.get(i))).toList(), null);
  }

  /** A checkpoint and its line in the source. */
  public record Entry(int line, Checkpoint checkpoint) {}
}
